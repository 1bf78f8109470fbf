using MassWork.Notifications.Data;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Providers;
using MassWork.Notifications.Rules;
using MassWork.Notifications.Templates;
using MassWork.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MassWork.ServiceDefaults;

namespace MassWork.Notifications.Dispatch;

/// <summary>
/// Sends what is due. A batch is claimed with SKIP LOCKED (replicas share the queue), each message
/// passes the rules (opt-out, quiet hours, per-number limits) and is marked Sending with the OutId
/// of its call — committed before the call, so a lost answer can be looked up. Calls go out grouped
/// by provider and template; the results are written back in one statement per outcome: accepted,
/// retry later (the next provider after its share of attempts), dead letter, or in doubt.
/// </summary>
public sealed class Dispatcher(IServiceScopeFactory scopes, ProviderSet providers, TemplateCatalog templates, TimeProvider time, IOptions<SmsOptions> options, ILogger<Dispatcher> logger) : BackgroundService
{
    private const int ParallelCalls = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!providers.Any)
        {
            logger.LogWarning("No SMS provider configured (Sms:Providers); messages stay queued");
            return;
        }

        // Several loops claim batches side by side (SKIP LOCKED): one prepares while another's calls are out.
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.DispatchLoops)).Select(i => LoopAsync(recovers: i == 0, stoppingToken)));
    }

    private async Task LoopAsync(bool recovers, CancellationToken stoppingToken)
    {
        // A monotonic schedule: the injected clock may be moved (tests) and must not stop recovery.
        var nextRecovery = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (recovers && Environment.TickCount64 >= nextRecovery)
                {
                    await RecoverAsync(stoppingToken);
                    nextRecovery = Environment.TickCount64 + 5_000;
                }

                if (await DispatchOnceAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "SMS dispatch failed; trying again shortly");
            }

            await Task.Delay(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>One batch; returns how many messages it took from the queue.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var sms = options.Value;
        var quiet = sms.Quiet;
        var limits = new SendLimits(TimeSpan.FromSeconds(sms.SameContentSeconds), sms.DailyLimit);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var now = time.GetUtcNow();

        List<(ISmsProvider Provider, Guid OutId, List<OutgoingSms> Messages)> calls;
        int claimed;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var batch = await db.Messages.FromSql($"""
                SELECT * FROM messages
                WHERE status IN ('Queued', 'Deferred') AND next_attempt_at <= {now}
                  AND (broadcast_id IS NULL OR broadcast_id IN (SELECT id FROM broadcasts WHERE status IN ('Preparing', 'Sending')))
                ORDER BY next_attempt_at LIMIT {sms.BatchSize} FOR UPDATE SKIP LOCKED
                """).AsNoTracking().ToListAsync(cancellationToken);
            claimed = batch.Count;
            if (claimed == 0)
            {
                return 0;
            }

            var history = await PhoneHistoryAsync(db, batch, now, limits, cancellationToken);
            var sending = new List<SmsMessage>();
            foreach (var message in batch.OrderBy(m => m.CreatedAt))
            {
                var key = Convert.ToHexString(message.PhoneHash);
                var sameKey = key + Convert.ToHexString(message.ContentHash);
                var decision = SendDecision.For(message.Broadcast, message.Urgent, history.OptedOut.Contains(key),
                    new PhoneHistory(history.Today.GetValueOrDefault(key), history.LastSame.TryGetValue(sameKey, out var last) ? last : null), now, quiet, limits);
                switch (decision.Verdict)
                {
                    case Verdict.Suppress:
                        message.Status = MessageStatus.Suppressed;
                        message.StatusReason = decision.Reason;
                        break;
                    case Verdict.Defer:
                        message.Status = MessageStatus.Deferred;
                        message.StatusReason = decision.Reason;
                        message.NextAttemptAt = decision.Until!.Value;
                        break;
                    default:
                        history.Today[key] = history.Today.GetValueOrDefault(key) + 1;
                        history.LastSame[sameKey] = now;
                        message.Status = MessageStatus.Sending;
                        message.StatusReason = null;
                        message.Attempts++;
                        message.Provider = providers.ForAttempt(message.Attempts).Name;
                        message.SentAt = now;
                        sending.Add(message);
                        break;
                }
            }

            // Tencent templates take their values by position: the order the variables appear in the template.
            var order = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var code in sending.Select(m => m.TemplateCode).Distinct())
            {
                order[code] = (await templates.FindAsync(code, cancellationToken)) is { } t ? TemplateText.Variables(t.Text) : [];
            }

            calls = sending.GroupBy(m => (m.Provider, m.TemplateCode)).Select(g =>
            {
                var outId = Guid.CreateVersion7(now);
                foreach (var m in g)
                {
                    m.SendBatchId = outId;
                }

                return (providers.Named(g.Key.Provider)!, outId, g.Select(m => Outgoing(m, order[m.TemplateCode], protector)).ToList());
            }).ToList();
            await SaveDecisionsAsync(db, batch, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var results = new List<SendResult>();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken }, async (call, ct) =>
        {
            var answered = await call.Provider.SendAsync(call.OutId, call.Messages, ct);
            lock (results)
            {
                results.AddRange(answered);
            }
        });
        await RecordAsync(db, results, time.GetUtcNow(), cancellationToken);
        return claimed;
    }

    /// <summary>The batch's verdicts in three statements: suppressed, deferred, and claimed for sending with their provider and OutId.</summary>
    private static async Task SaveDecisionsAsync(NotificationsDbContext db, List<SmsMessage> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var suppressed = batch.Where(m => m.Status == MessageStatus.Suppressed).ToList();
        if (suppressed.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE messages m SET status = 'Suppressed', status_reason = u.reason
                FROM unnest({suppressed.Select(m => m.Id).ToArray()}, {suppressed.Select(m => m.StatusReason ?? "").ToArray()}) AS u(id, reason)
                WHERE m.id = u.id
                """, cancellationToken);
        }

        var deferred = batch.Where(m => m.Status == MessageStatus.Deferred).ToList();
        if (deferred.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE messages m SET status = 'Deferred', status_reason = u.reason, next_attempt_at = u.next
                FROM unnest({deferred.Select(m => m.Id).ToArray()}, {deferred.Select(m => m.StatusReason ?? "").ToArray()}, {deferred.Select(m => m.NextAttemptAt).ToArray()}) AS u(id, reason, next)
                WHERE m.id = u.id
                """, cancellationToken);
        }

        var sending = batch.Where(m => m.Status == MessageStatus.Sending).ToList();
        if (sending.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE messages m SET status = 'Sending', status_reason = NULL, attempts = m.attempts + 1, provider = u.provider, send_batch_id = u.batch, sent_at = {now}
                FROM unnest({sending.Select(m => m.Id).ToArray()}, {sending.Select(m => m.Provider!).ToArray()}, {sending.Select(m => m.SendBatchId!.Value).ToArray()}) AS u(id, provider, batch)
                WHERE m.id = u.id
                """, cancellationToken);
        }
    }

    /// <summary>Messages left Sending by a stopped process become in doubt; in-doubt ones are looked up before any resend.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var now = time.GetUtcNow();
        await db.Messages.Where(m => m.Status == MessageStatus.Sending && m.SentAt < now.AddMinutes(-2))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.InDoubt).SetProperty(m => m.LastError, "the sending process stopped during the call"), cancellationToken);

        var doubtful = await db.Messages.Where(m => m.Status == MessageStatus.InDoubt).OrderBy(m => m.SentAt).Take(100).ToListAsync(cancellationToken);
        foreach (var message in doubtful)
        {
            var provider = providers.Named(message.Provider);
            if (provider is null || !provider.CanLookUp)
            {
                Fail(message, now, $"{message.Provider} cannot say whether the call went; check its console before retrying");
                continue;
            }

            try
            {
                var day = ChinaTime.LocalDate(message.SentAt ?? now);
                var found = await provider.FindAsync(protector.Decrypt(message.PhoneCipher), day, message.SendBatchId!.Value, cancellationToken);
                if (found is null)
                {
                    // The provider never took it: safe to send again.
                    message.Status = MessageStatus.Queued;
                    message.NextAttemptAt = now;
                    message.SentAt = null;
                }
                else
                {
                    message.Status = found.Delivered switch { true => MessageStatus.Delivered, false => MessageStatus.Failed, null => MessageStatus.Sent };
                    message.ProviderMessageId = found.ProviderMessageId;
                    message.DeliveredAt = found.Delivered == true ? now : null;
                    message.FailedAt = found.Delivered == false ? now : null;
                }
            }
            catch (HttpRequestException e)
            {
                logger.LogInformation("Lookup of in-doubt message {Id} failed ({Error}); it stays in doubt", message.Id, e.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RecordAsync(NotificationsDbContext db, List<SendResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        results = await FailOverUnreachableAsync(db, results, now, cancellationToken);
        var accepted = results.Where(r => r.Outcome == SendOutcome.Accepted).ToList();
        if (accepted.Count > 0)
        {
            var ids = accepted.Select(r => r.MessageId).ToArray();
            var providerIds = accepted.Select(r => r.ProviderMessageId ?? "").ToArray();
            // A receipt may have arrived first; it is not overwritten.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE messages m SET status = 'Sent', provider_message_id = u.provider_id
                FROM unnest({ids}, {providerIds}) AS u(id, provider_id)
                WHERE m.id = u.id AND m.status = 'Sending'
                """, cancellationToken);
        }

        foreach (var group in results.Where(r => r.Outcome != SendOutcome.Accepted).GroupBy(r => r.Outcome))
        {
            var ids = group.Select(r => r.MessageId).ToArray();
            var errors = group.Select(r => r.Error ?? "").ToArray();
            var retry = options.Value.FirstRetryDelay;
            await (group.Key switch
            {
                SendOutcome.Transient => db.Database.ExecuteSqlAsync($"""
                    UPDATE messages m SET
                        status = CASE WHEN m.attempts >= {providers.MaxAttempts} THEN 'Failed' ELSE 'Queued' END,
                        failed_at = CASE WHEN m.attempts >= {providers.MaxAttempts} THEN {now} END,
                        next_attempt_at = {now} + {retry} * power(2, m.attempts - 1),
                        sent_at = NULL, last_error = u.error
                    FROM unnest({ids}, {errors}) AS u(id, error)
                    WHERE m.id = u.id AND m.status = 'Sending'
                    """, cancellationToken),
                SendOutcome.Permanent => db.Database.ExecuteSqlAsync($"""
                    UPDATE messages m SET status = 'Failed', failed_at = {now}, last_error = u.error
                    FROM unnest({ids}, {errors}) AS u(id, error)
                    WHERE m.id = u.id AND m.status = 'Sending'
                    """, cancellationToken),
                _ => db.Database.ExecuteSqlAsync($"""
                    UPDATE messages m SET status = 'InDoubt', last_error = u.error
                    FROM unnest({ids}, {errors}) AS u(id, error)
                    WHERE m.id = u.id AND m.status = 'Sending'
                    """, cancellationToken),
            });
            logger.LogInformation("{Count} messages {Outcome}: {Error}", ids.Length, group.Key, errors.FirstOrDefault());
        }
    }

    /// <summary>
    /// A call that reached nobody cannot have sent anything: its messages go to the next provider at
    /// once instead of waiting out their retries on a provider that is down. At the last provider
    /// they are retried like any refusal. Returns the other results.
    /// </summary>
    private async Task<List<SendResult>> FailOverUnreachableAsync(NotificationsDbContext db, List<SendResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unreachable = results.Where(r => r.Outcome == SendOutcome.Unreachable).ToList();
        if (unreachable.Count == 0)
        {
            return results;
        }

        var ids = unreachable.Select(r => r.MessageId).ToArray();
        var attempts = await db.Messages.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Attempts, cancellationToken);
        var moved = unreachable
            .Select(r => (Result: r, Next: attempts.TryGetValue(r.MessageId, out var a) ? providers.SkipToNextProvider(a) : null))
            .Where(x => x.Next is not null).ToList();
        if (moved.Count > 0)
        {
            var movedIds = moved.Select(x => x.Result.MessageId).ToArray();
            var nextAttempts = moved.Select(x => x.Next!.Value).ToArray();
            var errors = moved.Select(x => x.Result.Error ?? "").ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE messages m SET status = 'Queued', attempts = u.attempts, next_attempt_at = {now}, sent_at = NULL, last_error = u.error
                FROM unnest({movedIds}, {nextAttempts}, {errors}) AS u(id, attempts, error)
                WHERE m.id = u.id AND m.status = 'Sending'
                """, cancellationToken);
            logger.LogWarning("{Count} messages failed over at once: their provider could not be reached ({Error})", moved.Count, errors[0]);
        }

        var failedOver = moved.Select(x => x.Result.MessageId).ToHashSet();
        return [.. results.Where(r => r.Outcome != SendOutcome.Unreachable),
            .. unreachable.Where(r => !failedOver.Contains(r.MessageId)).Select(r => r with { Outcome = SendOutcome.Transient })];
    }

    private static void Fail(SmsMessage message, DateTimeOffset now, string error)
    {
        message.Status = MessageStatus.Failed;
        message.FailedAt = now;
        message.LastError = error;
    }

    private sealed record History(HashSet<string> OptedOut, Dictionary<string, int> Today, Dictionary<string, DateTimeOffset> LastSame);

    /// <summary>For the batch's numbers: opted out or not, sent today, and when each content last went — two set-based queries.</summary>
    private static async Task<History> PhoneHistoryAsync(NotificationsDbContext db, List<SmsMessage> batch, DateTimeOffset now, SendLimits limits, CancellationToken cancellationToken)
    {
        var hashes = batch.Select(m => m.PhoneHash).DistinctBy(Convert.ToHexString).ToArray();
        var dayStart = ChinaTime.StartOf(ChinaTime.LocalDate(now));
        var since = now - limits.SameContentInterval < dayStart ? now - limits.SameContentInterval : dayStart;
        var optedOut = (await db.OptOuts.Where(o => hashes.Contains(o.PhoneHash)).Select(o => o.PhoneHash).ToListAsync(cancellationToken))
            .Select(Convert.ToHexString).ToHashSet();
        var sent = await db.Messages.Where(m => hashes.Contains(m.PhoneHash) && m.SentAt >= since)
            .GroupBy(m => new { m.PhoneHash, m.ContentHash })
            .Select(g => new { g.Key.PhoneHash, g.Key.ContentHash, Today = g.Count(m => m.SentAt >= dayStart), Last = g.Max(m => m.SentAt) })
            .ToListAsync(cancellationToken);
        var today = sent.GroupBy(s => Convert.ToHexString(s.PhoneHash)).ToDictionary(g => g.Key, g => g.Sum(s => s.Today));
        var lastSame = sent.Where(s => s.Last is not null).ToDictionary(s => Convert.ToHexString(s.PhoneHash) + Convert.ToHexString(s.ContentHash), s => s.Last!.Value);
        return new History(optedOut, today, lastSame);
    }

    private static OutgoingSms Outgoing(SmsMessage m, IReadOnlyList<string> order, PersonalDataProtector protector) =>
        new(m.Id, protector.Decrypt(m.PhoneCipher), m.Signature, m.TemplateCode, m.Params, order.Select(v => m.Params.GetValueOrDefault(v, "")).ToList(), m.Text);
}
