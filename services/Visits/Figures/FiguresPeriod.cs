using System.Globalization;

namespace MassWork.Visits.Figures;

/// <summary>
/// The period figures are read for: a year, a quarter of it or a month of it, as Asia/Shanghai
/// dates (<see cref="FirstDay"/> to <see cref="LastDay"/>, inclusive). Named 2026, 2026Q4 or 2026-11.
/// </summary>
public sealed record FiguresPeriod(int Year, int? Quarter, int? Month)
{
    /// <summary>The first year the platform holds figures for.</summary>
    public const int FirstYear = 2000;

    public DateOnly FirstDay => Month is { } m ? new(Year, m, 1) : Quarter is { } q ? new(Year, (q - 1) * 3 + 1, 1) : new(Year, 1, 1);

    public DateOnly LastDay => Month is not null ? FirstDay.AddMonths(1).AddDays(-1) : Quarter is not null ? FirstDay.AddMonths(3).AddDays(-1) : new(Year, 12, 31);

    /// <summary>Every period of a year: the year, its quarters and its months, the ones <see cref="VillageFigures"/> are kept for.</summary>
    public static IReadOnlyList<FiguresPeriod> AllOf(int year) =>
        [new(year, null, null), .. Enumerable.Range(1, 4).Select(q => new FiguresPeriod(year, q, null)), .. Enumerable.Range(1, 12).Select(m => new FiguresPeriod(year, null, m))];

    public string Name => Month is { } m ? $"{Year}-{m:00}" : Quarter is { } q ? $"{Year}Q{q}" : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The period asked for; the year defaults to this year in Shanghai. Refuses (400 naming the
    /// field) a quarter and a month together, values out of range, and a period not yet begun.
    /// </summary>
    public static FiguresPeriod Of(int? year, int? quarter, int? month, DateOnly today)
    {
        var y = year ?? today.Year;
        if (y < FirstYear || y > today.Year)
        {
            throw DomainException.Invalid("year", $"From {FirstYear} to {today.Year}.");
        }

        if (quarter is not null && month is not null)
        {
            throw DomainException.Invalid("month", "Either a quarter or a month, not both.");
        }

        if (quarter is < 1 or > 4)
        {
            throw DomainException.Invalid("quarter", "From 1 to 4.");
        }

        if (month is < 1 or > 12)
        {
            throw DomainException.Invalid("month", "From 1 to 12.");
        }

        var period = new FiguresPeriod(y, quarter, month);
        if (period.FirstDay > today)
        {
            throw DomainException.Invalid(month is not null ? "month" : "quarter", $"{period.Name} has not begun: today is {today:yyyy-MM-dd} in Asia/Shanghai.");
        }

        return period;
    }
}
