namespace MassWork.Personnel.NoticeBoard;

/// <summary>
/// A problem the village raised, as the public notice board shows it (问题清单 and its close-out 销号):
/// the case number, category and dates only — never who raised it. Kept from the petitions
/// service's events; accusations are never posted.
/// </summary>
public sealed class VillageProblem
{
    public Guid CaseId { get; init; }

    public required string CaseNumber { get; init; }

    public required string RegionCode { get; init; }

    public required string Category { get; init; }

    public bool Closed { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the last applied event happened; an older event arriving late changes nothing.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
