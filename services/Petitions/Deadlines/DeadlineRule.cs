using System.Text.Json.Serialization;

namespace MassWork.Petitions.Deadlines;

[JsonConverter(typeof(JsonStringEnumConverter<DurationUnit>))]
public enum DurationUnit
{
    Hours,
    CalendarDays,

    /// <summary>Skips weekends and public holidays; swapped working weekends (调休) count.</summary>
    WorkingDays,
    Months,
}

/// <summary>A time limit as a rule states it: "15 days", "5 working days", "2 hours", "1 month".</summary>
public sealed record DeadlineRule(int Amount, DurationUnit Unit)
{
    public static DeadlineRule Hours(int n) => new(n, DurationUnit.Hours);

    public static DeadlineRule Days(int n) => new(n, DurationUnit.CalendarDays);

    public static DeadlineRule WorkingDays(int n) => new(n, DurationUnit.WorkingDays);

    public static DeadlineRule Months(int n) => new(n, DurationUnit.Months);

    public string? Validate() =>
        Amount < 1 ? "The amount must be 1 or more."
        : Unit == DurationUnit.Hours && Amount > 24 * 90 ? "At most 2160 hours."
        : Unit != DurationUnit.Hours && Amount > 366 ? "At most 366 days or months."
        : null;

    public override string ToString() => Unit switch
    {
        DurationUnit.Hours => $"{Amount}小时",
        DurationUnit.CalendarDays => $"{Amount}日",
        DurationUnit.WorkingDays => $"{Amount}个工作日",
        _ => $"{Amount}个月",
    };
}
