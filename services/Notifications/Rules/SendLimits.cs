namespace MassWork.Notifications.Rules;

/// <summary>What was sent to one number lately: today's count (Asia/Shanghai day) and when the same content last went.</summary>
public sealed record PhoneHistory(int SentToday, DateTimeOffset? SameContentAt);

/// <summary>
/// Per-number limits: the same content at most once per interval (Tencent: 30 s) and at most a
/// number of messages a day (Aliyun: 50 per signature and template). Configurable.
/// </summary>
public sealed record SendLimits(TimeSpan SameContentInterval, int DailyLimit)
{
    public static SendLimits Default { get; } = new(TimeSpan.FromSeconds(30), 50);

    /// <summary>Null when the message may go now, otherwise the earliest instant it may.</summary>
    public DateTimeOffset? DeferUntil(PhoneHistory history, DateTimeOffset now)
    {
        if (history.SentToday >= DailyLimit)
        {
            return ChinaTime.StartOf(ChinaTime.LocalDate(now).AddDays(1));
        }

        if (history.SameContentAt is { } last && now - last < SameContentInterval)
        {
            return last + SameContentInterval;
        }

        return null;
    }
}
