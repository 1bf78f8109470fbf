namespace MassWork.Visits.Frequency;

/// <summary>What a frequency alert is about.</summary>
public enum AlertKind
{
    /// <summary>A cadre's contacts with one paired household in a year.</summary>
    HouseholdContacts,

    /// <summary>A cadre's days in the village (驻村天数) in a year.</summary>
    VillageDays,

    /// <summary>A village's 民情分析联席会 in a quarter.</summary>
    Meetings,
}

public enum AlertLevel
{
    DueSoon,
    Overdue,
}

/// <summary>
/// A subject found behind for a period: found once (the key kind, level, subject, first day is
/// unique, so every replica's detection inserts it once) and raised once — claimed with SKIP
/// LOCKED, announced through the outbox and stamped <see cref="RaisedAt"/> in one transaction.
/// Required and Done are the figures when it was found.
/// </summary>
public sealed class FrequencyAlert
{
    public long Id { get; init; }

    public AlertKind Kind { get; init; }

    public AlertLevel Level { get; init; }

    /// <summary>"cadre:household", "cadre" or the village code.</summary>
    public required string SubjectKey { get; init; }

    public DateOnly FirstDay { get; init; }

    public DateOnly LastDay { get; init; }

    public Guid? CadreId { get; init; }

    public Guid? HouseholdId { get; init; }

    public required string VillageCode { get; init; }

    public int Required { get; init; }

    public int Done { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public DateTimeOffset FoundAt { get; init; }

    public DateTimeOffset? RaisedAt { get; init; }
}
