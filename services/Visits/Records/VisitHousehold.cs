namespace MassWork.Visits.Records;

/// <summary>A household of a visit, with the village it was in at the time (a household may move later).</summary>
public sealed class VisitHousehold
{
    public Guid VisitId { get; init; }

    public Guid HouseholdId { get; init; }

    public required string VillageCode { get; init; }

    /// <summary>The household was handed the contact card (民情联系卡) at this visit.</summary>
    public bool ContactCardHandedOver { get; init; }
}
