namespace MassWork.Notifications.Digest;

/// <summary>What a line of the weekly visits digest reports.</summary>
public enum DigestKind
{
    /// <summary>A cadre's contacts with a paired household due soon.</summary>
    ContactsDueSoon,

    /// <summary>A cadre's contacts with a paired household overdue for a year.</summary>
    ContactsOverdue,

    /// <summary>A cadre's days in the village (驻村天数) due soon or overdue.</summary>
    VillageDays,

    /// <summary>A village's quarterly 民情分析联席会 overdue.</summary>
    MeetingOverdue,
}

/// <summary>
/// A reminder waiting for the weekly digest to the leader of its village's work team (队长).
/// Key is the reminder's own (one line per reminder however often its event arrives);
/// DigestedAt is the slot of the digest that took it, also for a village without a leader then.
/// </summary>
public sealed class DigestItem
{
    public long Id { get; init; }

    public required string Key { get; init; }

    public required string VillageCode { get; init; }

    public DigestKind Kind { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DigestedAt { get; init; }
}

/// <summary>A weekly slot whose digest was written: the row makes one replica, once, write it.</summary>
public sealed class DigestRun
{
    public DateTimeOffset SlotAt { get; init; }

    public DateTimeOffset RanAt { get; init; }

    public int Messages { get; init; }
}
