namespace MassWork.Notifications.Messages;

/// <summary>
/// Writes a batch of messages as their state methods left them, in one statement: the dispatcher
/// decides in C# (<see cref="SmsMessage"/>) and stores set-based. A row no longer in one of the
/// <c>expected</c> statuses (a delivery receipt came first) is left as it is.
/// </summary>
public static class MessageRows
{
    public static async Task<int> WriteAsync(NotificationsDbContext db, IReadOnlyCollection<SmsMessage> messages, IEnumerable<MessageStatus> expected, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var ids = messages.Select(m => m.Id).ToArray();
        var statuses = messages.Select(m => m.Status.ToString()).ToArray();
        var reasons = messages.Select(m => m.StatusReason).ToArray();
        var attempts = messages.Select(m => m.Attempts).ToArray();
        var providers = messages.Select(m => m.Provider).ToArray();
        var batches = messages.Select(m => m.SendBatchId).ToArray();
        var next = messages.Select(m => m.NextAttemptAt.ToUniversalTime()).ToArray();
        var sent = messages.Select(m => m.SentAt?.ToUniversalTime()).ToArray();
        var leases = messages.Select(m => m.LeaseExpiresAt?.ToUniversalTime()).ToArray();
        var delivered = messages.Select(m => m.DeliveredAt?.ToUniversalTime()).ToArray();
        var failed = messages.Select(m => m.FailedAt?.ToUniversalTime()).ToArray();
        var errors = messages.Select(m => m.LastError).ToArray();
        var providerIds = messages.Select(m => m.ProviderMessageId).ToArray();
        var from = expected.Select(s => s.ToString()).ToArray();
        return await db.Database.ExecuteSqlAsync($"""
            UPDATE messages m SET status = u.status, status_reason = u.reason, attempts = u.attempts, provider = u.provider,
                send_batch_id = u.batch, next_attempt_at = u.next, sent_at = u.sent, lease_expires_at = u.lease, delivered_at = u.delivered, failed_at = u.failed,
                last_error = u.error, provider_message_id = u.provider_id
            FROM unnest({ids}, {statuses}, {reasons}, {attempts}, {providers}, {batches}, {next}, {sent}, {leases}, {delivered}, {failed}, {errors}, {providerIds})
                AS u(id, status, reason, attempts, provider, batch, next, sent, lease, delivered, failed, error, provider_id)
            WHERE m.id = u.id AND m.status = ANY({from})
            """, cancellationToken);
    }

    /// <summary>Renews the lease of the calls' messages still Sending: their sender is alive and waits for the answers.</summary>
    public static Task<int> RenewLeaseAsync(NotificationsDbContext db, Guid[] sendBatchIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE messages SET lease_expires_at = {SmsMessage.LeaseFrom(now).ToUniversalTime()}
            WHERE send_batch_id = ANY({sendBatchIds}) AND status = {MessageStatus.Sending.ToString()}
            """, cancellationToken);
}
