namespace MassWork.Personnel.Pairings;

public sealed record PolicyRequest(
    string? Mode,
    int? MinResidentSectionLevel,
    int? MinResidentGeneral,
    int? MinFullCoverageSectionLevel,
    int? MinFullCoverageGeneral,
    int? PresenceDays,
    string? PresencePeriod,
    int? CheckInRadiusMeters);

public sealed record PolicyResponse(
    string CityCode,
    string Mode,
    int MinResidentSectionLevel,
    int MinResidentGeneral,
    int MinFullCoverageSectionLevel,
    int MinFullCoverageGeneral,
    int PresenceDays,
    string PresencePeriod,
    int CheckInRadiusMeters,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static PolicyResponse From(CoveragePolicy p) => new(p.CityCode, p.Mode.ToString(), p.MinResidentSectionLevel, p.MinResidentGeneral,
        p.MinFullCoverageSectionLevel, p.MinFullCoverageGeneral, p.PresenceDays, p.PresencePeriod.ToString(), p.CheckInRadiusMeters, p.UpdatedAt, p.UpdatedBy);
}

public sealed record StartPairingRequest(Guid? CadreId, Guid? HouseholdId, string? Kind);

public sealed record EndPairingRequest(string? Reason);

public sealed record PairingResponse(
    Guid Id, Guid CadreId, string CadreName, Guid HouseholdId, string HouseholdNumber, string HeadName, string Kind, string VillageCode,
    DateTimeOffset StartedAt, string StartedBy, DateTimeOffset? EndedAt, string? EndedBy, string? EndReason);

public sealed record ProposeAssignmentRequest(string? RegionCode, string? Mode);

public sealed record ProposalItemResponse(Guid HouseholdId, string HouseholdNumber, string HeadName, Guid CadreId, string CadreName, string Kind);

public sealed record ProposalResponse(
    Guid Id, string RegionCode, string Mode, string Status, int Proposed, int Unassigned, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? DecidedAt, int Applied, int Skipped, IReadOnlyList<CadreShare> Loads, IReadOnlyList<ProposalItemResponse> Items);

/// <summary>How many households the proposal gives each cadre, and their load after applying it.</summary>
public sealed record CadreShare(Guid CadreId, string CadreName, int Added, int LoadAfter);
