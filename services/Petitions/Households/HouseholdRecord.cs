namespace MassWork.Petitions.Households;

/// <summary>
/// The petitions service's copy of a household, built from the personnel service's events only,
/// so intake never calls another service. The newest snapshot (by UpdatedAt) wins.
/// </summary>
public sealed class HouseholdRecord
{
    public Guid Id { get; init; }

    public required string HouseholdNumber { get; set; }

    public required string VillageCode { get; set; }

    public required string HeadName { get; set; }

    public required string Status { get; set; }

    public string[] Tags { get; set; } = [];

    /// <summary>The members' phones as keyed hashes (base64): who may open the household's matters in the public query (查询).</summary>
    public string[] PhoneHashes { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
