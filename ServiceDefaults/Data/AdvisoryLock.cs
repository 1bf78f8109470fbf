using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// Named PostgreSQL advisory locks: work that replicas or concurrent requests must do one at a time
/// (a start-up seeder, one petitioner's intake, one photo's upload). Always the transaction-scoped
/// form, released at commit or rollback: behind PgBouncer in transaction pooling a session lock
/// would stay on the server connection, held for whichever client gets it next.
/// </summary>
public static class AdvisoryLock
{
    /// <summary>Runs <paramref name="work"/> through <paramref name="db"/> in one transaction that first waits for the lock named <paramref name="name"/>.</summary>
    public static async Task OneAtATimeAsync(DbContext db, string name, Func<Task> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WaitAsync(db, name, cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for the lock named <paramref name="name"/>, held until the transaction open on
    /// <paramref name="db"/> ends. Outside a transaction the lock would be let go as soon as it was
    /// taken, so that is refused as the programming error it is.
    /// </summary>
    public static async Task WaitAsync(DbContext db, string name, CancellationToken cancellationToken)
    {
        RequireTransaction(db, name);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
    }

    /// <summary>
    /// <see cref="WaitAsync(DbContext,string,CancellationToken)"/>, then the next value of
    /// <paramref name="sequence"/>, in one round trip instead of two: the lock is a FROM item, which
    /// PostgreSQL runs before the select list because the lock function is volatile.
    /// </summary>
    public static async Task<long> WaitThenNextValueAsync(DbContext db, string name, string sequence, CancellationToken cancellationToken)
    {
        RequireTransaction(db, name);
        return await db.Database
            .SqlQuery<long>($"SELECT nextval({sequence}::regclass) AS \"Value\" FROM (SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))) AS held")
            .SingleAsync(cancellationToken);
    }

    private static void RequireTransaction(DbContext db, string name)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"The advisory lock '{name}' is taken inside a transaction: begin one first.");
        }
    }

    /// <inheritdoc cref="WaitAsync(DbContext,string,CancellationToken)"/>
    public static async Task WaitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", connection, transaction);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the lock named <paramref name="name"/> for the transaction if it is free, without
    /// waiting: false while another transaction holds it. For work a caller would rather skip than
    /// queue behind (a request that can answer with what is pending).
    /// </summary>
    public static async Task<bool> TryTakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtextextended(@name, 0))", connection, transaction);
        command.Parameters.AddWithValue("name", name);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
