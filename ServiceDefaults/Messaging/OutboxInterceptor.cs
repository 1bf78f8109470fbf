using Microsoft.EntityFrameworkCore;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// Stamps new outbox rows with the clock and wakes the relay once they are committed (at once
/// for an implicit transaction, at commit for an explicit one). Commits without outbox rows,
/// the relay's own among them, wake nobody.
/// </summary>
internal sealed class OutboxInterceptor(TimeProvider time, OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext context)
        {
            var now = time.GetUtcNow();
            foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added))
            {
                context.OutboxPending = true;
                if (entry.Entity.OccurredAt == default)
                {
                    entry.Entity.OccurredAt = now;
                }
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext { OutboxPending: true } context && context.Database.CurrentTransaction is null)
        {
            context.OutboxPending = false;
            signal.Notify();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext { OutboxPending: true } context)
        {
            context.OutboxPending = false;
            signal.Notify();
        }

        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext context)
        {
            context.OutboxPending = false;
        }

        return Task.CompletedTask;
    }
}
