using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// Applies migrations during start-up: hosted services start before Kestrel listens, so no
/// request meets an old schema. EF Core takes a database lock, so replicas may race safely.
/// </summary>
internal sealed class DatabaseMigrator<TContext>(IServiceProvider services, ILogger<DatabaseMigrator<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await CreateHistoryTableAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {Context}: {Migrations}", pending.Count, typeof(TContext).Name, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Npgsql reads the migration history without first asking whether its table exists, and logs
    /// the failed read as an error (npgsql/efcore.pg#3407): on a new database every service's first
    /// start would show an operator errors that are not. With the database and the table there,
    /// nothing fails. One replica at a time: CREATE TABLE IF NOT EXISTS run at the same moment by two
    /// can still collide.
    /// </summary>
    private static async Task CreateHistoryTableAsync(TContext db, CancellationToken cancellationToken)
    {
        // Locally the AppHost leaves creating the database to the service, as MigrateAsync would.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another replica created it first.
            }
        }

        await AdvisoryLock.OneAtATimeAsync(db, "migration-history", async () =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }
}
