using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    ILogger<PlatformRetention<TContext>> logger) : PeriodicWork(time, logger)
    where TContext : ServiceDbContext
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override string WorkName => "Retention clean-up";

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = Time.GetUtcNow();
        // A row that can never be published carries the same personal data as a sent one.
        await db.OutboxMessages.Where(m => m.SentAt < now - retention.Outbox || m.FailedAt < now - retention.Outbox).ExecuteDeleteAsync(cancellationToken);
        await db.InboxMessages.Where(m => m.ProcessedAt < now - retention.Inbox).ExecuteDeleteAsync(cancellationToken);
        await db.IdempotencyRecords.Where(r => r.CreatedAt < now - retention.IdempotencyKeys).ExecuteDeleteAsync(cancellationToken);
    }
}
