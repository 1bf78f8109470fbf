namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// A cadre joined the work team (工作队) of a village. Role: "Leader" (队长), "Resident" (常驻队员)
/// or "FullCoverage" (全覆盖干部). Services that tell a team's leader something (the weekly visits
/// digest) keep who leads which village from these.
/// </summary>
public sealed record TeamMemberJoined(Guid MembershipId, Guid TeamId, string VillageCode, Guid CadreId, string Role, DateTimeOffset JoinedAt);

/// <summary>A cadre left a work team: removed, retired, or the team was recalled (撤回).</summary>
public sealed record TeamMemberLeft(Guid MembershipId, Guid TeamId, string VillageCode, Guid CadreId, string Role, DateTimeOffset LeftAt);
