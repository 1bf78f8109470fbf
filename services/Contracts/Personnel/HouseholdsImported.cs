namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// Part of a bulk import's outcome: the households it added and those it changed, up to a few
/// hundred per message, each exactly as the single-household events would carry it. A city-scale
/// import thus publishes thousands of messages, not millions. Parts of one import share ImportId.
/// </summary>
public sealed record HouseholdsImported(
    Guid ImportId,
    int Part,
    IReadOnlyList<HouseholdRegistered> Registered,
    IReadOnlyList<HouseholdUpdated> Updated);
