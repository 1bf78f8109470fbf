namespace MassWork.Notifications.Rules;

public enum Verdict
{
    Send,
    Defer,
    Suppress,
}

/// <summary>What happens to one message now, and why when it does not go.</summary>
public sealed record SendDecision(Verdict Verdict, DateTimeOffset? Until = null, string? Reason = null)
{
    public static readonly SendDecision Send = new(Verdict.Send);

    /// <summary>
    /// The rules every message passes at the moment it would go: an opted-out number gets no
    /// broadcast (service messages still go); outside urgent messages, quiet hours hold it until
    /// morning; then the per-number limits.
    /// </summary>
    public static SendDecision For(bool broadcast, bool urgent, bool optedOut, PhoneHistory history, DateTimeOffset now, QuietHours quiet, SendLimits limits)
    {
        if (broadcast && optedOut)
        {
            return new SendDecision(Verdict.Suppress, Reason: "OptedOut");
        }

        if (!urgent && quiet.Contains(now))
        {
            return new SendDecision(Verdict.Defer, quiet.NextAllowed(now), "QuietHours");
        }

        return limits.DeferUntil(history, now) is { } until
            ? new SendDecision(Verdict.Defer, until, "RateLimit")
            : Send;
    }
}
