using MassWork.Notifications.Broadcasts;
using MassWork.Notifications.Messages;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.UnitTests.Notifications;

/// <summary>An SMS message's and a broadcast's states: each step from the states that allow it, refused from any other.</summary>
public sealed class MessageStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy Retry = new(MaxAttempts: 6, FirstDelay: TimeSpan.FromSeconds(2));

    private static SmsMessage Queued() => new()
    {
        Id = Guid.NewGuid(), IdempotencyKey = "k", TemplateCode = "t", Signature = "赣州群众工作", Text = "通知", ContentHash = [1],
        PhoneCipher = [2], PhoneHash = [3], PhoneMasked = "138****0001", RegionCode = "360702003201", Status = MessageStatus.Queued, NextAttemptAt = T0,
    };

    private static string ProviderFor(int attempt) => attempt <= 3 ? "aliyun" : "tencent";

    [Fact]
    public void A_claim_counts_the_attempt_and_picks_the_provider_for_it()
    {
        var m = Queued();
        m.Claim(ProviderFor, T0);
        Assert.Equal((MessageStatus.Sending, 1, "aliyun", T0), (m.Status, m.Attempts, m.Provider, m.SentAt));
        Assert.Equal(T0 + SmsMessage.SendingLease, m.LeaseExpiresAt);

        // Only a waiting message is claimed: one already out is not taken twice.
        Assert.Throws<MessageStateException>(() => m.Claim(ProviderFor, T0));
    }

    [Fact]
    public void A_refusal_is_retried_after_doubling_delays_until_the_attempts_are_used_up()
    {
        var m = Queued();
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt < Retry.MaxAttempts; attempt++)
        {
            m.Claim(ProviderFor, T0);
            m.Retry("busy", T0, Retry);
            Assert.Equal(MessageStatus.Queued, m.Status);
            delays.Add(m.NextAttemptAt - T0);
        }

        Assert.Equal([2, 4, 8, 16, 32], delays.Select(d => d.TotalSeconds));
        m.Claim(ProviderFor, T0);
        m.Retry("busy", T0, Retry);
        Assert.Equal((MessageStatus.Failed, T0, "busy"), (m.Status, m.FailedAt, m.LastError));
    }

    [Fact]
    public void An_unreachable_provider_hands_over_to_the_next_at_once()
    {
        var m = Queued();
        m.Claim(ProviderFor, T0);
        m.FailOver(3, "connection refused", T0);
        Assert.Equal((MessageStatus.Queued, 3, T0, (DateTimeOffset?)null), (m.Status, m.Attempts, m.NextAttemptAt, m.SentAt));

        m.Claim(ProviderFor, T0);
        Assert.Equal("tencent", m.Provider);
    }

    [Fact]
    public void An_unknown_outcome_is_looked_up_before_any_resend()
    {
        var lost = Queued();
        lost.Claim(ProviderFor, T0);
        lost.Doubt("timeout");
        Assert.Throws<MessageStateException>(() => lost.Claim(ProviderFor, T0));
        lost.LookedUp(found: false, delivered: null, providerMessageId: null, T0);
        Assert.Equal(MessageStatus.Queued, lost.Status);

        var went = Queued();
        went.Claim(ProviderFor, T0);
        went.Doubt("timeout");
        went.LookedUp(found: true, delivered: true, providerMessageId: "biz-1", T0);
        Assert.Equal((MessageStatus.Delivered, "biz-1", (DateTimeOffset?)T0), (went.Status, went.ProviderMessageId, went.DeliveredAt));
    }

    [Fact]
    public void Only_a_dead_letter_is_resent_and_it_starts_from_its_first_attempt()
    {
        var m = Queued();
        Assert.Throws<MessageStateException>(() => m.Resend("operator", T0));

        m.Claim(ProviderFor, T0);
        m.Fail("invalid number", T0);
        m.Resend("operator", T0.AddHours(1));
        Assert.Equal((MessageStatus.Queued, 0, (DateTimeOffset?)null, "retried by operator"), (m.Status, m.Attempts, m.FailedAt, m.StatusReason));
    }

    [Fact]
    public void Suppressing_or_deferring_applies_only_to_a_waiting_message()
    {
        var m = Queued();
        m.Defer("QuietHours", T0.AddHours(6));
        Assert.Equal((MessageStatus.Deferred, T0.AddHours(6)), (m.Status, m.NextAttemptAt));
        m.Suppress("OptedOut");
        Assert.Equal(MessageStatus.Suppressed, m.Status);
        Assert.Throws<MessageStateException>(() => m.Defer("QuietHours", T0));
    }

    private static Broadcast Broadcast(BroadcastStatus status, long recipients) => new()
    {
        Id = Guid.NewGuid(), RegionPrefix = "360702", TemplateCode = "policy", Signature = "赣州群众工作", Text = "政策宣传", CreatedBy = "clerk",
        Status = status, Recipients = recipients,
    };

    [Fact]
    public void A_broadcast_pauses_resumes_and_cancels_only_from_the_states_that_allow_it()
    {
        var sending = Broadcast(BroadcastStatus.Sending, 100);
        sending.Pause(T0);
        Assert.Equal(BroadcastStatus.Paused, sending.Status);
        sending.Resume(T0);
        Assert.Equal(BroadcastStatus.Sending, sending.Status);

        // Paused while its messages were still being written: resuming writes the rest.
        var preparing = Broadcast(BroadcastStatus.Preparing, 0);
        preparing.Pause(T0);
        preparing.Resume(T0);
        Assert.Equal(BroadcastStatus.Preparing, preparing.Status);

        Assert.Throws<DomainException>(() => sending.Resume(T0));
        sending.Cancel(T0);
        Assert.Equal(BroadcastStatus.Cancelled, sending.Status);
        Assert.Throws<DomainException>(() => sending.Pause(T0));
        Assert.Throws<DomainException>(() => Broadcast(BroadcastStatus.Completed, 5).Cancel(T0));
    }
}
