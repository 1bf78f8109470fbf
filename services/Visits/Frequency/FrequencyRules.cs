namespace MassWork.Visits.Frequency;

/// <summary>
/// The frequency rules whatever the database holds. Years and quarters are Asia/Shanghai calendar
/// periods. Pro rata (decided here): a pairing held for part of a year owes
/// ceil(N × days paired that year / days in the year) — a household paired on 1 July owes 2 of 3
/// contacts, one paired on 1 December owes 1 — so a late pairing is never asked for the impossible
/// and never owes nothing. The sweeper's SQL reads these values (<see cref="RequiredByPairedDays"/>)
/// and counts days as <see cref="PairedDays"/> does.
/// </summary>
public static class FrequencyRules
{
    /// <summary>Paired days run from 0 to 366, so a lookup table has this many entries.</summary>
    public const int TableLength = 367;

    public static int DaysIn(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    /// <summary>What a subject paired <paramref name="pairedDays"/> days of the year owes of <paramref name="perYear"/>.</summary>
    public static int Required(int perYear, int pairedDays, int year)
    {
        var days = DaysIn(year);
        var paired = Math.Clamp(pairedDays, 0, days);
        return (int)(((long)perYear * paired + days - 1) / days);
    }

    /// <summary><see cref="Required"/> for every count of paired days from 0 to 366: the values SQL looks up.</summary>
    public static int[] RequiredByPairedDays(int perYear, int year) =>
        [.. Enumerable.Range(0, TableLength).Select(days => Required(perYear, days, year))];

    /// <summary>
    /// The Asia/Shanghai dates of the year a pairing covered: from the day it started (1 January
    /// when it started before, or is known only from its end) to the day it ended (31 December when
    /// it runs on), both counted. A pairing ending at midnight did not cover the day that begins.
    /// </summary>
    public static int PairedDays(DateTimeOffset? startedAt, DateTimeOffset? endedAt, int year)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var from = startedAt is { } s && ChinaTime.LocalDate(s) > first ? ChinaTime.LocalDate(s) : first;
        var to = endedAt is { } e && ChinaTime.LocalDate(e.AddTicks(-1)) < last ? ChinaTime.LocalDate(e.AddTicks(-1)) : last;
        return Math.Max(0, to.DayNumber - from.DayNumber + 1);
    }

    /// <summary>The year's deadline: midnight starting 1 January of the next year in Shanghai.</summary>
    public static DateTimeOffset YearEnd(int year) => ChinaTime.StartOf(new DateOnly(year + 1, 1, 1));

    /// <summary>From this instant a subject still behind is told its year's contacts or days are due soon.</summary>
    public static DateTimeOffset DueSoonFrom(int year, int dueSoonDays) => ChinaTime.StartOf(new DateOnly(year + 1, 1, 1).AddDays(-dueSoonDays));

    /// <summary>
    /// A period is judged once its last day and <paramref name="graceDays"/> more have passed, so a
    /// visit or meeting entered late from a phone without signal (within the late-entry days) still counts.
    /// </summary>
    public static DateTimeOffset OverdueFrom(DateOnly lastDay, int graceDays) => ChinaTime.StartOf(lastDay.AddDays(1 + graceDays));

    /// <summary>A quarter whose last day has passed, in Shanghai, is overdue for a village that held too few meetings.</summary>
    public static bool QuarterEnded(Quarter quarter, DateOnly today) => today > quarter.LastDay;
}
