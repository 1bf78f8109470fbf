using System.Globalization;
using System.Text.RegularExpressions;

namespace MassWork.Visits.Frequency;

/// <summary>A calendar quarter of Asia/Shanghai dates, written 2026Q1.</summary>
public readonly partial record struct Quarter(int Year, int Number)
{
    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        quarter = new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0');
        return true;
    }

    public override string ToString() => $"{Year}Q{Number}";

    [GeneratedRegex("^(20[0-9]{2})Q([1-4])$")]
    private static partial Regex Pattern();
}
