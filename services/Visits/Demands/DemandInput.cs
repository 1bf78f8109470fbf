namespace MassWork.Visits.Demands;

/// <summary>
/// A demand (诉求) as a phone or a clerk sends it, with a visit or added to one later. ClientId is
/// the client's own id for it (required when added later, so a retry stores nothing new);
/// HouseholdId may be left out when the visit has a single household.
/// </summary>
public sealed record DemandInput(string? ClientId, Guid? HouseholdId, string? CategoryCode, string? MatterType, string? Content);

/// <summary>A demand after its field checks.</summary>
public sealed record CheckedDemand(string? ClientId, Guid HouseholdId, string CategoryCode, DemandMatterType MatterType, string Content);

/// <summary>The households of the visit a demand is added to, loaded once the visit is found; the demand concerns one of them.</summary>
public sealed record VisitHouseholds(IReadOnlyList<Guid> Ids);
