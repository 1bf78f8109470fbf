namespace MassWork.Console.Pairing;

/// <summary>双向全覆盖: the personnel service's coverage report for a region.</summary>
public sealed record Coverage(
    string Region, string Mode, long Households, long Covered, long Uncovered, long DoubleCovered, long WithResident, long WithFullCoverage,
    long Cadres, long CadresWithoutHouseholds, long CadresBelowMinimum, double CoverageRate);

public sealed record UncoveredHousehold(Guid Id, string HouseholdNumber, string VillageCode, string HeadName, bool HasResident, bool HasFullCoverage);

public sealed record UnderloadedCadre(Guid Id, string Name, string Rank, string Kind, int Load, int Minimum);

public sealed record ProposalItem(Guid HouseholdId, string HouseholdNumber, string HeadName, Guid CadreId, string CadreName, string Kind);

public sealed record CadreShare(Guid CadreId, string CadreName, int Added, int LoadAfter);

/// <summary>An auto-assignment proposal (自动分配方案) to review, then apply or discard.</summary>
public sealed record Proposal(
    Guid Id, string RegionCode, string Mode, string Status, int Proposed, int Unassigned, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? DecidedAt, int Applied, int Skipped, IReadOnlyList<CadreShare> Loads, IReadOnlyList<ProposalItem> Items);
