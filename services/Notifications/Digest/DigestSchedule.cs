namespace MassWork.Notifications.Digest;

/// <summary>A weekly slot at an Asia/Shanghai weekday and hour.</summary>
public sealed record DigestSchedule(DayOfWeek Weekday, int Hour)
{
    /// <summary>The latest slot at or before <paramref name="now"/>, as a UTC instant.</summary>
    public DateTimeOffset LatestSlot(DateTimeOffset now)
    {
        var local = ChinaTime.Local(now);
        var day = DateOnly.FromDateTime(local.DateTime).AddDays(-(((int)local.DayOfWeek - (int)Weekday + 7) % 7));
        var slot = ChinaTime.StartOf(day).AddHours(Hour);
        return slot <= now ? slot : ChinaTime.StartOf(day.AddDays(-7)).AddHours(Hour);
    }
}
