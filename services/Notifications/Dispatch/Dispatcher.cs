using MassWork.Notifications.Broadcasts;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Providers;
using MassWork.Notifications.Rules;
using MassWork.Notifications.Templates;
using MassWork.ServiceDefaults.Data;
using Microsoft.Extensions.Options;

namespace MassWork.Notifications.Dispatch;

/// <summary>
/// Sends what is due. A batch is claimed with SKIP LOCKED (replicas share the queue), each message
/// passes the rules (opt-out, quiet hours, per-number limits) and is marked Sending with the OutId
/// of its call — committed before the call, so a lost answer can be looked up — under a lease the
/// sender renews until the answers are in. Calls go out grouped by provider and template; the
/// results are written back in one statement per outcome: accepted, retry later (the next provider
/// after its share of attempts), dead letter, or in doubt.
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
        Dictionary<Guid, SmsMessage> claimedById;
        int claimed;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var batch = await db.Messages.FromSql($"""
                SELECT * FROM messages
                WHERE status = ANY({Names(SmsMessage.Waiting)}) AND next_attempt_at <= {now}
                  AND (broadcast_id IS NULL OR broadcast_id IN (SELECT id FROM broadcasts WHERE status = ANY({Names(Broadcast.Going)})))
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
                        message.Suppress(decision.Reason);
                        break;
                    case Verdict.Defer:
                        message.Defer(decision.Reason, decision.Until!.Value);
                        break;
                    default:
                        history.Today[key] = history.Today.GetValueOrDefault(key) + 1;
                        history.LastSame[sameKey] = now;
                        message.Claim(attempt => providers.ForAttempt(attempt).Name, now);
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
            // The batch's rows are locked by this transaction: each is still in the status it was read in.
            await MessageRows.WriteAsync(db, batch, SmsMessage.Waiting, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            claimedById = sending.ToDictionary(m => m.Id);
        }

        var results = new List<SendResult>();
        using (var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var lease = HoldLeaseAsync([.. calls.Select(c => c.OutId)], answered.Token);
            try
            {
                await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken }, async (call, ct) =>
                {
                    var answer = await call.Provider.SendAsync(call.OutId, call.Messages, ct);
                    lock (results)
                    {
                        results.AddRange(answer);
                    }
                });
            }
            finally
            {
                await answered.CancelAsync();
                await lease;
            }
        }

        await RecordAsync(db, results, claimedById, time.GetUtcNow(), cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Renews the lease of the batch's messages until every call is answered: a batch's calls can
    /// outlast the lease (Tencent takes one call per distinct text), and a live sender's messages
    /// must not be taken as in doubt by another replica's recovery.
    /// </summary>
    private Task HoldLeaseAsync(Guid[] outIds, CancellationToken answered) =>
        LeaseRenewal.KeepAsync(SmsMessage.SendingLease / 4, time, async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await MessageRows.RenewLeaseAsync(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), outIds, time.GetUtcNow(), answered);
                return true;
            },
            ex => logger.LogWarning(ex, "Renewing the lease of {Count} provider calls failed", outIds.Length),
            answered);

    /// <summary>
    /// Messages whose sender stopped renewing their lease (the process died during the call) become
    /// in doubt; in-doubt ones are looked up before any resend. Every replica recovers: the rows are
    /// claimed (SKIP LOCKED) and held until their answers are written, so each is looked up and
    /// settled by one replica only, and a slower replica's answer can never requeue a message
    /// another has requeued and sent meanwhile.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var doubtful = await db.Messages.FromSql($"""
            SELECT * FROM messages
            WHERE status = {MessageStatus.InDoubt.ToString()} OR (status = {MessageStatus.Sending.ToString()} AND lease_expires_at < {now})
            ORDER BY sent_at LIMIT 100 FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var message in doubtful.Where(m => m.Status == MessageStatus.Sending))
        {
            message.Doubt("the sending process stopped during the call");
        }

        foreach (var message in doubtful)
        {
            var provider = providers.Named(message.Provider);
            if (provider is null || !provider.CanLookUp)
            {
                message.Fail($"{message.Provider} cannot say whether the call went; check its console before retrying", now);
                continue;
            }

            try
            {
                var day = ChinaTime.LocalDate(message.SentAt ?? now);
                var found = await provider.FindAsync(protector.Decrypt(message.PhoneCipher), day, message.SendBatchId!.Value, cancellationToken);
                // Not found: the provider never took it, so it is safe to send again.
                message.LookedUp(found is not null, found?.Delivered, found?.ProviderMessageId, now);
            }
            catch (HttpRequestException e)
            {
                logger.LogInformation("Lookup of in-doubt message {Id} failed ({Error}); it stays in doubt", message.Id, e.Message);
            }
        }

        // The rows are locked by this transaction: each is still in the status it was read in.
        await MessageRows.WriteAsync(db, doubtful, [MessageStatus.Sending, MessageStatus.InDoubt], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The providers' answers, applied by the messages' own state methods and written in one
    /// statement. A call that reached nobody cannot have sent anything: its messages go to the next
    /// provider at once instead of waiting out their retries on a provider that is down; at the last
    /// provider they are retried like any refusal.
    /// </summary>
    private async Task RecordAsync(NotificationsDbContext db, List<SendResult> results, Dictionary<Guid, SmsMessage> claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retry = new RetryPolicy(providers.MaxAttempts, options.Value.FirstRetryDelay);
        foreach (var result in results)
        {
            var message = claimed[result.MessageId];
            var error = result.Error ?? "";
            switch (result.Outcome)
            {
                case SendOutcome.Accepted:
                    message.Accept(result.ProviderMessageId);
                    break;
                case SendOutcome.Unreachable when providers.SkipToNextProvider(message.Attempts) is { } next:
                    message.FailOver(next, error, now);
                    break;
                case SendOutcome.Unreachable or SendOutcome.Transient:
                    message.Retry(error, now, retry);
                    break;
                case SendOutcome.Permanent:
                    message.Fail(error, now);
                    break;
                default:
                    message.Doubt(error);
                    break;
            }
        }

        await MessageRows.WriteAsync(db, [.. results.Select(r => claimed[r.MessageId])], [MessageStatus.Sending], cancellationToken);
        foreach (var group in results.Where(r => r.Outcome != SendOutcome.Accepted).GroupBy(r => r.Outcome))
        {
            logger.LogInformation("{Count} messages {Outcome}: {Error}", group.Count(), group.Key, group.First().Error);
        }
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

    private static string[] Names<T>(IEnumerable<T> statuses) where T : struct, Enum => [.. statuses.Select(x => x.ToString())];

    private static OutgoingSms Outgoing(SmsMessage m, IReadOnlyList<string> order, PersonalDataProtector protector) =>
        new(m.Id, protector.Decrypt(m.PhoneCipher), m.Signature, m.TemplateCode, m.Params, order.Select(v => m.Params.GetValueOrDefault(v, "")).ToList(), m.Text);
}
