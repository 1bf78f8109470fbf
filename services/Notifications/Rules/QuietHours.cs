namespace MassWork.Notifications.Rules;

/// <summary>
/// Hours in Asia/Shanghai when non-urgent messages wait (default 21:00–08:00). A window whose start
/// is after its end runs across midnight.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public bool IsEmpty => Start == End;

    public bool Contains(DateTimeOffset instant)
    {
        if (IsEmpty)
        {
            return false;
        }

        var local = TimeOnly.FromDateTime(ChinaTime.Local(instant).DateTime);
        return Start < End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <summary>
    /// How long a notice written now may take to go by day: its retries' back-off (minutes) and the
    /// same-content interval, with room to spare. A deadline in quiet hours that begin sooner is at risk.
    /// </summary>
    public static readonly TimeSpan SendingMargin = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether holding a notice for the quiet hours could make it arrive after <paramref name="deadline"/>,
    /// the moment its reader must act by: such a notice is urgent. It is when the quiet hours would hold
    /// it now, or when the deadline falls in quiet hours that begin before it could surely have gone.
    /// A day limit ends at midnight, in the quiet hours: a notice of it written by day goes by day, and
    /// a warning raised at midnight a day ahead waits for the morning.
    /// </summary>
    public bool CouldHoldPast(DateTimeOffset deadline, DateTimeOffset now) =>
        NextAllowed(now) > deadline || (Contains(deadline) && WindowStart(deadline) <= now + SendingMargin);

    /// <summary>When the window holding <paramref name="instant"/> (which it contains) began.</summary>
    private DateTimeOffset WindowStart(DateTimeOffset instant)
    {
        var local = ChinaTime.Local(instant);
        var startToday = local.Date + Start.ToTimeSpan();
        var start = startToday <= local.DateTime ? startToday : startToday.AddDays(-1);
        return new DateTimeOffset(start, ChinaTime.Zone.GetUtcOffset(start)).ToUniversalTime();
    }

    /// <summary>The instant itself when it is outside the window, otherwise the window's end.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant)
    {
        if (!Contains(instant))
        {
            return instant;
        }

        var local = ChinaTime.Local(instant);
        var endToday = local.Date + End.ToTimeSpan();
        var end = endToday > local.DateTime ? endToday : endToday.AddDays(1);
        return new DateTimeOffset(end, ChinaTime.Zone.GetUtcOffset(end)).ToUniversalTime();
    }
}
