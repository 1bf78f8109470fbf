namespace MassWork.Visits.Households;

/// <summary>
/// The visits service's copy of a household (户), built from the personnel service's events only,
/// so recording a visit never calls another service. No phones or ID numbers: a visit needs the
/// household's village and villager group (村民小组), and its number and head's name to show it.
/// The newest snapshot (by UpdatedAt) wins.
/// </summary>
public sealed class HouseholdRecord
{
    public Guid Id { get; init; }

    public required string HouseholdNumber { get; set; }

    public required string VillageCode { get; set; }

    public Guid? GroupId { get; set; }

    public required string HeadName { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
