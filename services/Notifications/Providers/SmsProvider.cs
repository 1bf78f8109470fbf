namespace MassWork.Notifications.Providers;

/// <summary>One message as a provider call carries it.</summary>
public sealed record OutgoingSms(
    Guid MessageId,
    string Phone,
    string Signature,
    string TemplateCode,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> OrderedValues,
    string Text);

public enum SendOutcome
{
    /// <summary>The provider took it; a receipt follows.</summary>
    Accepted,

    /// <summary>Refused for now (throttled, provider busy): retry later, then fail over.</summary>
    Transient,

    /// <summary>Refused for good (bad number, template not approved): dead letter.</summary>
    Permanent,

    /// <summary>No answer (timeout, connection lost): it may have gone; check before any resend.</summary>
    InDoubt,

    /// <summary>Nothing reached the provider (connection refused, no route): safe to send through the next provider at once.</summary>
    Unreachable,
}

public sealed record SendResult(Guid MessageId, SendOutcome Outcome, string? ProviderMessageId, string? Error);

/// <summary>What the provider knows of an earlier call, found by number, day and our OutId.</summary>
public sealed record SentRecord(string ProviderMessageId, bool? Delivered);

/// <summary>
/// An SMS provider. Provider APIs are not idempotent: a call that may have gone is looked up with
/// <see cref="FindAsync"/> before it is ever sent again.
/// </summary>
public interface ISmsProvider
{
    string Name { get; }

    /// <summary>
    /// Sends one call's worth of messages: all with the same template; the adapter splits them
    /// into calls of the provider's size and chooses the one-text or per-number method.
    /// </summary>
    Task<IReadOnlyList<SendResult>> SendAsync(Guid outId, IReadOnlyList<OutgoingSms> batch, CancellationToken cancellationToken);

    /// <summary>The earlier send of this OutId to this number on that day, or null when the provider has none (or cannot say).</summary>
    Task<SentRecord?> FindAsync(string phone, DateOnly sendDay, Guid outId, CancellationToken cancellationToken);

    /// <summary>Whether <see cref="FindAsync"/> can prove a message did not go; otherwise an in-doubt message is never resent automatically.</summary>
    bool CanLookUp { get; }
}
