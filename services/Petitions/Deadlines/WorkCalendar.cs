using MassWork.ServiceDefaults.Audit;

namespace MassWork.Petitions.Deadlines;

/// <summary>One dated exception to the Monday–Friday week: a public holiday, or a weekend worked in exchange (调休).</summary>
public sealed record CalendarDay(DateOnly Day, bool Working, string Name) : IAuditedValues;

/// <summary>
/// Working days as the State Council's yearly holiday notice defines them: Monday to Friday,
/// minus public holidays, plus the weekends declared working days.
/// </summary>
public sealed class WorkCalendar
{
    private readonly Dictionary<DateOnly, bool> _exceptions;

    public WorkCalendar(IEnumerable<CalendarDay> days)
    {
        _exceptions = days.ToDictionary(d => d.Day, d => d.Working);
    }

    public static WorkCalendar Empty { get; } = new([]);

    public bool IsWorkingDay(DateOnly day) =>
        _exceptions.TryGetValue(day, out var working) ? working : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The n-th working day after <paramref name="start"/> (the start day itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var day = start;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
