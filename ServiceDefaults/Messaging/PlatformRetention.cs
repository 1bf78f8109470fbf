using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// Deletes bookkeeping rows once they can no longer matter: sent outbox rows after 7 days,
/// inbox rows after 30 (far beyond any redelivery), idempotency keys after 24 hours.
/// </summary>
internal sealed class PlatformRetention<TContext>(IServiceScopeFactory scopes, TimeProvider time, ILogger<PlatformRetention<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    public static readonly TimeSpan OutboxRetention = TimeSpan.FromDays(7);
    public static readonly TimeSpan InboxRetention = TimeSpan.FromDays(30);
    public static readonly TimeSpan IdempotencyRetention = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var now = time.GetUtcNow();
                await db.OutboxMessages.Where(m => m.SentAt < now - OutboxRetention).ExecuteDeleteAsync(stoppingToken);
                await db.InboxMessages.Where(m => m.ProcessedAt < now - InboxRetention).ExecuteDeleteAsync(stoppingToken);
                await db.IdempotencyRecords.Where(r => r.CreatedAt < now - IdempotencyRetention).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Retention clean-up failed; will try again next hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
