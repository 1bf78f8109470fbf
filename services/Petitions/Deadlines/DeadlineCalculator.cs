namespace MassWork.Petitions.Deadlines;

/// <summary>When a limit runs out and when to warn that it is near.</summary>
public readonly record struct Due(DateTimeOffset At, DateTimeOffset WarnAt);

/// <summary>
/// Turns a rule into an instant. Day limits count in Asia/Shanghai from the day after the start
/// ("within 15 days") and run to the end of the last day; hour limits run from the instant itself.
/// A warning goes out a quarter of the limit before it, at most one day before.
/// </summary>
public sealed class DeadlineCalculator(WorkCalendar calendar)
{
    public Due From(DateTimeOffset start, DeadlineRule rule)
    {
        var at = rule.Unit == DurationUnit.Hours ? start.AddHours(rule.Amount) : EndOfLocalDay(LastDay(ChinaTime.LocalDate(start), rule));
        return new Due(at, WarnAt(start, at));
    }

    /// <summary>When to warn of a limit running from <paramref name="start"/> to <paramref name="at"/>, also after it is extended.</summary>
    public static DateTimeOffset WarnAt(DateTimeOffset start, DateTimeOffset at) =>
        at - TimeSpan.FromTicks(Math.Min((at - start).Ticks / 4, TimeSpan.TicksPerDay));

    private DateOnly LastDay(DateOnly startDay, DeadlineRule rule) => rule.Unit switch
    {
        DurationUnit.CalendarDays => startDay.AddDays(rule.Amount),
        DurationUnit.WorkingDays => calendar.AddWorkingDays(startDay, rule.Amount),
        DurationUnit.Months => startDay.AddMonths(rule.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Unit, "Not a day-based rule."),
    };

    /// <summary>The first instant after the day ends, in UTC: a limit "by the 15th" is met at any time on the 15th.</summary>
    public static DateTimeOffset EndOfLocalDay(DateOnly day) => ChinaTime.StartOf(day.AddDays(1));
}
