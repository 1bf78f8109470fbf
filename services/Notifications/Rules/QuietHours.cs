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
    /// Whether holding a notice for the quiet hours could make it arrive after <paramref name="deadline"/>,
    /// the moment its reader must act by: such a notice is urgent.
    /// </summary>
    public bool CouldHoldPast(DateTimeOffset deadline, DateTimeOffset now) => Contains(deadline) || NextAllowed(now) > deadline;

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
