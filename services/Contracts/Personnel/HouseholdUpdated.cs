namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// A household's details, members, status or place changed (Change: "Updated", "Moved",
/// "Imported"). The snapshot replaces what a read model held; apply the newest by UpdatedAt.
/// </summary>
public sealed record HouseholdUpdated(
    Guid HouseholdId,
    string HouseholdNumber,
    string VillageCode,
    string HeadName,
    DateTimeOffset UpdatedAt,
    string Address,
    string Status,
    IReadOnlyList<string> Tags,
    IReadOnlyList<HouseholdMemberContact> Members,
    string Change,
    Guid? GroupId = null,
    Guid? CompoundId = null,
    string? PreviousVillageCode = null);
