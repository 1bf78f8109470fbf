using System.Text.Json.Serialization;
using MassWork.ServiceDefaults.Errors;

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

/// <summary>What staff reading the message history may see of a message.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageDisclosure>))]
public enum MessageDisclosure
{
    /// <summary>Listed with its text and masked number.</summary>
    Full,

    /// <summary>A one-time code: listed, its text withheld (a colleague reading it could sign in as the recipient, or rate their case).</summary>
    TextWithheld,

    /// <summary>
    /// To someone following a case in confidence: a 检举控告 petitioner, or whoever asked for a case's
    /// query code. Never in the message history, so no household, number or case number leads to
    /// them; on the dead-letter list or opened by id (to retry it) it shows neither its text nor its number.
    /// </summary>
    Withheld,
}

/// <summary>
/// One SMS to one number: the rendered text and its segment count, the phone encrypted (with a
/// keyed hash for history and limits, and the masked form for display), where it stands, and the
/// provider's id once sent. IdempotencyKey makes the same notice go once.
/// </summary>
public sealed class SmsMessage
{
    /// <summary>The longest provider message id (BizId) and error text a message keeps (their columns' widths).</summary>
    public const int MaxProviderMessageIdLength = 100;

    /// <inheritdoc cref="MaxProviderMessageIdLength"/>
    public const int MaxLastErrorLength = 500;

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

    public MessageDisclosure Disclosure { get; init; }

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

    /// <summary>While Sending: until when its sender holds it. A live sender renews it while the call is out; once it runs out, the call is in doubt.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>How long a sender holds a message without renewing: the time it takes for a stopped process's calls to be taken as in doubt.</summary>
    public static readonly TimeSpan SendingLease = TimeSpan.FromMinutes(2);

    /// <summary>Waiting for the dispatcher: taken when NextAttemptAt is reached.</summary>
    public static readonly MessageStatus[] Waiting = [MessageStatus.Queued, MessageStatus.Deferred];

    /// <summary>Not settled yet: a broadcast with any of these is still going out.</summary>
    public static readonly MessageStatus[] Unsettled = [MessageStatus.Queued, MessageStatus.Deferred, MessageStatus.Sending, MessageStatus.InDoubt];

    /// <summary>A delivery receipt applies to these; it may come before the provider's answer is recorded.</summary>
    public static readonly MessageStatus[] AwaitingReceipt = [MessageStatus.Sending, MessageStatus.Sent, MessageStatus.InDoubt];

    /// <summary>Not sent: opted out, or its broadcast was cancelled.</summary>
    public void Suppress(string? reason)
    {
        Require(nameof(Suppress), Waiting);
        Status = MessageStatus.Suppressed;
        StatusReason = reason;
    }

    /// <summary>Held by quiet hours or a per-number limit until <paramref name="until"/>.</summary>
    public void Defer(string? reason, DateTimeOffset until)
    {
        Require(nameof(Defer), Waiting);
        Status = MessageStatus.Deferred;
        StatusReason = reason;
        NextAttemptAt = until;
    }

    /// <summary>Claimed for a provider call: the attempt is counted and its provider chosen by attempt number.</summary>
    public void Claim(Func<int, string> providerForAttempt, DateTimeOffset now)
    {
        Require(nameof(Claim), Waiting);
        Status = MessageStatus.Sending;
        StatusReason = null;
        Attempts++;
        Provider = providerForAttempt(Attempts);
        SentAt = now;
        LeaseExpiresAt = LeaseFrom(now);
    }

    /// <summary>When a lease taken or renewed at <paramref name="now"/> runs out.</summary>
    public static DateTimeOffset LeaseFrom(DateTimeOffset now) => now + SendingLease;

    /// <summary>The provider took it.</summary>
    public void Accept(string? providerMessageId)
    {
        Require(nameof(Accept), MessageStatus.Sending);
        Status = MessageStatus.Sent;
        ProviderMessageId = providerMessageId ?? ProviderMessageId;
    }

    /// <summary>A refusal worth retrying: queued again after the back-off, or dead-lettered once the attempts are used up.</summary>
    public void Retry(string error, DateTimeOffset now, RetryPolicy policy)
    {
        Require(nameof(Retry), MessageStatus.Sending);
        LastError = error;
        SentAt = null;
        if (Attempts >= policy.MaxAttempts)
        {
            Status = MessageStatus.Failed;
            FailedAt = now;
            return;
        }

        Status = MessageStatus.Queued;
        NextAttemptAt = policy.NextAttemptAt(Attempts, now);
    }

    /// <summary>Its provider could not be reached: straight to the next provider, whose first attempt <paramref name="attempts"/> makes it.</summary>
    public void FailOver(int attempts, string error, DateTimeOffset now)
    {
        Require(nameof(FailOver), MessageStatus.Sending);
        Status = MessageStatus.Queued;
        Attempts = attempts;
        NextAttemptAt = now;
        SentAt = null;
        LastError = error;
    }

    /// <summary>Failed for good (refused, or a provider that cannot say whether an unknown call went): on the dead-letter list.</summary>
    public void Fail(string error, DateTimeOffset now)
    {
        Require(nameof(Fail), MessageStatus.Sending, MessageStatus.InDoubt);
        Status = MessageStatus.Failed;
        FailedAt = now;
        LastError = error;
    }

    /// <summary>The call's outcome is unknown: looked up before any resend.</summary>
    public void Doubt(string error)
    {
        Require(nameof(Doubt), MessageStatus.Sending);
        Status = MessageStatus.InDoubt;
        LastError = error;
    }

    /// <summary>The lookup of an in-doubt call: not found (safe to send again), or what the provider knows of it.</summary>
    public void LookedUp(bool found, bool? delivered, string? providerMessageId, DateTimeOffset now)
    {
        Require(nameof(LookedUp), MessageStatus.InDoubt);
        if (!found)
        {
            Status = MessageStatus.Queued;
            NextAttemptAt = now;
            SentAt = null;
            return;
        }

        Status = delivered switch { true => MessageStatus.Delivered, false => MessageStatus.Failed, null => MessageStatus.Sent };
        ProviderMessageId = providerMessageId;
        DeliveredAt = delivered == true ? now : null;
        FailedAt = delivered == false ? now : null;
    }

    /// <summary>Staff send a dead letter again, from its first attempt.</summary>
    public void Resend(string userId, DateTimeOffset now)
    {
        if (Status != MessageStatus.Failed)
        {
            throw new MessageStateException("Not a dead letter", $"The message is {Status}; only failed messages are retried.");
        }

        Status = MessageStatus.Queued;
        Attempts = 0;
        NextAttemptAt = now;
        FailedAt = null;
        SentAt = null;
        StatusReason = $"retried by {userId}";
    }

    /// <summary>The status a delivery receipt leaves.</summary>
    public static MessageStatus AfterReceipt(bool delivered) => delivered ? MessageStatus.Delivered : MessageStatus.Failed;

    private void Require(string step, params MessageStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new MessageStateException("Not allowed in the message's state", $"{step} is not possible for a {Status} message.");
        }
    }
}

/// <summary>A step the message's status does not allow; a 409 where a person asked for it.</summary>
public sealed class MessageStateException(string title, string message) : DomainException(DomainProblem.Conflict, title, message);

/// <summary>How often a refused message is tried again: doubling delays from the first, up to every provider's share of attempts.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstDelay)
{
    public DateTimeOffset NextAttemptAt(int attempts, DateTimeOffset now) => now + FirstDelay * Math.Pow(2, attempts - 1);
}
