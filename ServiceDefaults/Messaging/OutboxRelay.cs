using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using MassTransit;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MassWork.ServiceDefaults.Messaging;

public sealed class OutboxRelayOptions
{
    /// <summary>How often the relay looks for rows when nobody signalled (other replicas' writes, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker's confirm.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Rows per pass; different aggregates' rows of a pass are all in flight to the broker at once.</summary>
    public int BatchSize { get; set; } = 1000;
}

/// <summary>
/// Publishes committed outbox rows in id order per aggregate with publisher confirms, then marks
/// them sent. One relay per database works at a time (a transaction-scoped advisory lock), so the
/// order of events per aggregate holds across replicas. A failed publish stops its aggregate: later
/// rows wait rather than overtake. A crash between publish and mark republishes; consumers' inboxes absorb it.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private static readonly ActivitySource Source = new(ServiceDefaultsExtensions.ActivitySourceName);

    // Type.GetType parses the assembly-qualified name and searches every time; a service publishes a few dozen types.
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    // Any fixed number works: each service has its own database.
    private const long RelayLockKey = 0x4D57_4F42_5831;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, drained) = await RelayBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (published > 0 && !drained)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, 30));
                LogRelayFailed(ex, backoff.TotalSeconds);
                await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            try
            {
                // The poll runs on the wall clock: a test that holds its clock still still gets its events out.
                await signal.WaitAsync(options.Value.PollInterval, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Publishes one batch; returns how many went out and whether nothing is left. Each aggregate's
    /// rows go out in order, one confirm after the other, while different aggregates' rows are in
    /// flight together, so the batch waits for the broker about as long as for its longest
    /// aggregate rather than for every row in turn. A failed publish holds back only its aggregate's
    /// later rows; the rows sent are marked in one statement, and the failure then backs the relay off.
    /// </summary>
    internal async Task<(int Published, bool Drained)> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var isLeader = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RelayLockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!isLeader)
        {
            return (0, true);
        }

        var batchSize = options.Value.BatchSize;
        var batch = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null)
            .OrderBy(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var outcomes = (await Task.WhenAll(batch.GroupBy(row => row.AggregateId).Select(rows => PublishInOrderAsync(rows, cancellationToken))))
            .SelectMany(o => o).ToList();
        var now = time.GetUtcNow();
        long[] sent = [.. outcomes.Where(o => o.Error is null).Select(o => o.Id)];
        long[] unknown = [.. outcomes.Where(o => o.Unknown).Select(o => o.Id)];
        await db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_messages SET sent_at = {now}, attempts = attempts + 1 WHERE id = ANY({sent})", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_messages SET failed_at = {now}, last_error = 'Unknown message type ' || message_type WHERE id = ANY({unknown})", cancellationToken);
        var failed = outcomes.Where(o => o is { Error: not null, Unknown: false }).ToList();
        foreach (var (id, error, _) in failed)
        {
            var message = error!.Message.Length > 2000 ? error.Message[..2000] : error.Message;
            await db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET attempts = attempts + 1, last_error = {message} WHERE id = {id}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (failed.Count > 0)
        {
            ExceptionDispatchInfo.Throw(failed[0].Error!);
        }

        return (sent.Length, batch.Count < batchSize);
    }

    /// <summary>One aggregate's rows, in order, up to the first that cannot go out.</summary>
    private async Task<List<(long Id, Exception? Error, bool Unknown)>> PublishInOrderAsync(IEnumerable<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var outcomes = new List<(long Id, Exception? Error, bool Unknown)>();
        foreach (var row in rows)
        {
            if (!TryReadMessage(row, out var message, out var messageType))
            {
                // Set aside for good: it can never be published, and holding its aggregate back would hold it forever.
                LogUnknownType(row.Id, row.MessageType);
                outcomes.Add((row.Id, new InvalidOperationException($"Unknown message type {row.MessageType}"), true));
                continue;
            }

            try
            {
                await PublishAsync(row, message, messageType, cancellationToken);
                outcomes.Add((row.Id, null, false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcomes.Add((row.Id, ex, false));
                break;
            }
        }

        return outcomes;
    }

    private async Task PublishAsync(OutboxMessage row, object message, Type messageType, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        activity?.SetTag("masswork.outbox.id", row.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(message, messageType, ctx =>
        {
            ctx.MessageId = row.MessageId;
            ctx.Headers.Set(MessageHeaders.AggregateId, row.AggregateId);
        }, timeout.Token);
    }

    private static bool TryReadMessage(OutboxMessage row, out object message, out Type messageType)
    {
        message = null!;
        messageType = Types.GetOrAdd(row.MessageType, name => Type.GetType(name, throwOnError: false))!;
        if (messageType is null)
        {
            return false;
        }

        message = JsonSerializer.Deserialize(row.Payload, messageType, JsonSerializerOptions.Web)!;
        return message is not null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not publish; retrying in {Seconds}s")]
    private partial void LogRelayFailed(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Id} has unknown type {Type} and is set aside")]
    private partial void LogUnknownType(long id, string type);
}
