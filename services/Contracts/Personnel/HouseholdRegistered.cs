namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// A household (户) was entered in the register. Raised once per household by the personnel
/// service; <see cref="VillageCode"/> is the 12-digit statistical division code of its village.
/// </summary>
public sealed record HouseholdRegistered(
    Guid HouseholdId,
    string HouseholdNumber,
    string VillageCode,
    string HeadName,
    DateTimeOffset RegisteredAt);
