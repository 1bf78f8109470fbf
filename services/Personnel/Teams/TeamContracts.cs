namespace MassWork.Personnel.Teams;

public sealed record CreateTeamRequest(string? Name, Guid? UnitId, string? VillageCode);

public sealed record AddTeamMemberRequest(Guid? CadreId, string? Role, IReadOnlyList<Guid>? GroupIds);

public sealed record TeamMemberResponse(Guid CadreId, string Name, string Role, string? Position, string? Phone, IReadOnlyList<Guid> GroupIds, DateTimeOffset JoinedAt, int Load);

public sealed record TeamResponse(Guid Id, string Name, Guid UnitId, string VillageCode, DateTimeOffset CreatedAt, IReadOnlyList<TeamMemberResponse> Members,
    DateTimeOffset? RetiredAt, string? RetireReason);

/// <summary>A recalled team, with the pairings that ended and the households now waiting for another cadre.</summary>
public sealed record RetiredTeamResponse(TeamResponse Team, int MembersLeft, int PairingsEnded, IReadOnlyList<Guid> HouseholdsToPairAgain);

public sealed record SetTownOfficialsRequest(Guid? PartySecretaryCadreId, Guid? CityLeaderCadreId);

public sealed record TownOfficialsResponse(string TownCode, Guid? PartySecretaryCadreId, Guid? CityLeaderCadreId);
