using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// Deletes bookkeeping rows once they can no longer matter (<see cref="RetentionOptions"/>): outbox
/// rows sent or given up on, inbox rows, idempotency keys and the responses they kept.
/// </summary>
internal sealed class PlatformRetention<TContext>(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<PlatformRetention<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value;
        using var timer = new PeriodicTimer(retention.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var now = time.GetUtcNow();
                // A row that can never be published carries the same personal data as a sent one.
                await db.OutboxMessages.Where(m => m.SentAt < now - retention.Outbox || m.FailedAt < now - retention.Outbox).ExecuteDeleteAsync(stoppingToken);
                await db.InboxMessages.Where(m => m.ProcessedAt < now - retention.Inbox).ExecuteDeleteAsync(stoppingToken);
                await db.IdempotencyRecords.Where(r => r.CreatedAt < now - retention.IdempotencyKeys).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Retention clean-up failed; will try again in {Interval}", retention.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
