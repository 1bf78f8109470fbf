namespace MassWork.ServiceDefaults;

/// <summary>Times are stored in UTC and shown, and counted in days, in Asia/Shanghai.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? Local(i) : null;

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    public static DateOnly Today(TimeProvider time) => LocalDate(time.GetUtcNow());

    /// <summary>Midnight at the start of the day in Shanghai, as a UTC instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
