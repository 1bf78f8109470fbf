using System.ComponentModel.DataAnnotations;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// How long bookkeeping rows are kept (<see cref="PlatformRetention{TContext}"/>). Outbox rows hold
/// events in full, phones included, so they go soon after they are sent; inbox rows only after
/// any redelivery could have come; idempotency records once a client would no longer retry.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Outbox rows this long after they were sent, or found impossible to send.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan Outbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Inbox rows this long after their message was processed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan Inbox { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Idempotency keys, with the responses they replay, this long after the request.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan IdempotencyKeys { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the clean-up runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
