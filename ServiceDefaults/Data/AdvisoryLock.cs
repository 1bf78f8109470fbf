using Microsoft.EntityFrameworkCore;

namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// Work that replicas must do one at a time, such as a start-up seeder: the second pod waits for the
/// first to commit, then finds the work done. The lock is the transaction-scoped form, released at
/// commit or rollback: behind PgBouncer in transaction pooling a session lock would stay on the
/// server connection, held for whichever client gets it next.
/// </summary>
public static class AdvisoryLock
{
    /// <summary>Runs <paramref name="work"/> through <paramref name="db"/> in one transaction that first waits for the lock named <paramref name="name"/>.</summary>
    public static async Task OneAtATimeAsync(DbContext db, string name, Func<Task> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }
}
