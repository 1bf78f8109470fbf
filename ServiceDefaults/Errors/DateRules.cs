namespace MassWork.ServiceDefaults.Errors;

/// <summary>
/// The dates a request may name, in a body or a query: 1900 to 2199. Far wider than any period a
/// user asks about, yet narrow enough that a day's start in Asia/Shanghai and a year's arithmetic
/// on it stay inside what .NET can represent (0001-01-01 or 9999-12-31 would overflow there).
/// </summary>
public static class DateRules
{
    public static readonly DateOnly First = new(1900, 1, 1);

    public static readonly DateOnly Last = new(2199, 12, 31);

    public const string Message = "A date from 1900-01-01 to 2199-12-31.";

    public static bool IsInRange(DateOnly day) => day >= First && day <= Last;

    public static bool IsInRange(DateTimeOffset instant) => IsInRange(DateOnly.FromDateTime(instant.UtcDateTime));

    public static bool IsInRange(DateTime instant) => IsInRange(DateOnly.FromDateTime(instant));

    public const string InstantMessage = "An instant in ISO 8601 with its offset, e.g. 2026-12-01T08:30:00+08:00 (in a query, + is written %2B).";

    /// <summary>
    /// An instant says its offset (Z or ±hh:mm) after its time: without one a reader takes the
    /// server's own zone, and a visit made at 08:30 in Shanghai would be stored eight hours late.
    /// </summary>
    public static bool HasOffset(string text)
    {
        // After the date (yyyy-MM-dd), whose own dashes are no offset; the time follows a T or a space.
        var time = text.AsSpan().Trim().IndexOfAny('T', ' ');
        return time >= 0 && text.AsSpan().Trim()[time..].IndexOfAny("Z+-") >= 0;
    }
}
