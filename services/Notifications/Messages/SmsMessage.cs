using System.Text.Json.Serialization;

namespace MassWork.Notifications.Messages;

[JsonConverter(typeof(JsonStringEnumConverter<MessageStatus>))]
public enum MessageStatus
{
    /// <summary>Waiting for the dispatcher.</summary>
    Queued,

    /// <summary>Held by quiet hours or a per-number limit until NextAttemptAt.</summary>
    Deferred,

    /// <summary>Claimed by the dispatcher; the provider call is under way.</summary>
    Sending,

    /// <summary>A call whose outcome is unknown (timeout, lost answer): checked with the provider before any resend.</summary>
    InDoubt,

    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>The receipt says it reached the handset.</summary>
    Delivered,

    /// <summary>The receipt or the provider said it failed for good; on the dead-letter list.</summary>
    Failed,

    /// <summary>Not sent: the number opted out of broadcasts, or the broadcast was cancelled.</summary>
    Suppressed,
}

/// <summary>
/// One SMS to one number: the rendered text and its segment count, the phone encrypted (with a
/// keyed hash for history and limits, and the masked form for display), where it stands, and the
/// provider's id once sent. IdempotencyKey makes the same notice go once.
/// </summary>
public sealed class SmsMessage
{
    public Guid Id { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string TemplateCode { get; init; }

    public Dictionary<string, string> Params { get; init; } = [];

    public required string Signature { get; init; }

    public required string Text { get; init; }

    public int Segments { get; init; }

    /// <summary>Hash of signature and text: the same content to the same number waits out the interval.</summary>
    public required byte[] ContentHash { get; init; }

    public bool Broadcast { get; init; }

    public bool Urgent { get; set; }

    public required byte[] PhoneCipher { get; init; }

    public required byte[] PhoneHash { get; init; }

    public required string PhoneMasked { get; init; }

    public Guid? HouseholdId { get; init; }

    /// <summary>Division code the message concerns (a village, or the cadre's region); reads are scoped by it.</summary>
    public required string RegionCode { get; init; }

    public Guid? BroadcastId { get; init; }

    public MessageStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? Provider { get; set; }

    /// <summary>The OutId of the provider call that carried it; finds it again when the call's outcome was lost.</summary>
    public Guid? SendBatchId { get; set; }

    public string? ProviderMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}
