namespace MassWork.Visits.Records;

/// <summary>A household of a visit, with the village it was in at the time (a household may move later).</summary>
public sealed class VisitHousehold
{
    public Guid VisitId { get; init; }

    public Guid HouseholdId { get; init; }

    public required string VillageCode { get; init; }
}
