namespace MassWork.Contracts.Visits.V1;

/// <summary>
/// A phone spot-check (电话抽查) reached a household that said it was not visited in the period,
/// although visits to it were recorded: those visits (VisitIds) are flagged for supervisors, and
/// CadreIds are the cadres recorded on them. SpotCheckId and CallId name the check and the call;
/// RegionPrefix is the region the check was drawn for, VillageCode the household's village;
/// FirstDay and LastDay the period checked (Asia/Shanghai dates). Ids and region codes only: no
/// names, no phones.
/// </summary>
public sealed record SpotCheckFailed(
    Guid SpotCheckId,
    Guid CallId,
    Guid HouseholdId,
    string VillageCode,
    string RegionPrefix,
    DateOnly FirstDay,
    DateOnly LastDay,
    IReadOnlyList<Guid> VisitIds,
    IReadOnlyList<Guid> CadreIds,
    DateTimeOffset AnsweredAt);
