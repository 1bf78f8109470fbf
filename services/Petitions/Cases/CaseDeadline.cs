namespace MassWork.Petitions.Cases;

/// <summary>
/// One time limit of one case. The sweeper raises "approaching" and "missed" once each, recorded
/// here, so a deadline is announced once however often it sweeps.
/// </summary>
public sealed class CaseDeadline
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public DeadlineKind Kind { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset WarnAt { get; set; }

    public DateTimeOffset? MetAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? ApproachingRaisedAt { get; set; }

    public DateTimeOffset? MissedRaisedAt { get; set; }

    public bool IsOpen => MetAt is null && CancelledAt is null;
}
