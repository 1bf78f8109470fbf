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

    /// <summary>
    /// Windows, not limits: within one the holder may do something (object, 异议), and when it lapses
    /// nothing was owed. Nobody is warned of one nor told it was missed, and a lapsed one is not overdue.
    /// </summary>
    public static readonly DeadlineKind[] Windows = [DeadlineKind.Objection];

    public bool IsWindow => Windows.Contains(Kind);

    /// <summary>A window that ran out (<see cref="Lapse"/>), not one closed because the case moved on.</summary>
    public bool Lapsed => IsWindow && CancelledAt is not null && MissedRaisedAt is not null;

    /// <summary>A window ran out: closed, with nothing to announce.</summary>
    public void Lapse(DateTimeOffset now)
    {
        if (!IsWindow)
        {
            throw new InvalidOperationException($"A {Kind} limit is missed, not lapsed.");
        }

        CancelledAt = now;
        MissedRaisedAt = now;
    }
}
