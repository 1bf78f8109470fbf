namespace MassWork.ServiceTests.Infrastructure;

/// <summary>
/// Two pods doing the same start-up work at the same moment, made to collide for certain: the test
/// holds back writes to the table the work fills (reads still pass), so each pod has read before
/// either writes; once both wait, the table is let go and they carry on as they would.
/// </summary>
public static class PodStarts
{
    public static async Task TogetherAsync(string connectionString, string table, Func<Task> start)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Task[] pods;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var hold = new NpgsqlCommand($"LOCK TABLE {table} IN EXCLUSIVE MODE", connection, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            pods = [Task.Run(start), Task.Run(start)];
            await Eventually.HoldsAsync(async () => pods.Any(p => p.IsCompleted) || await WaitingAsync(connection, transaction) >= 2,
                TimeSpan.FromSeconds(30), $"both pods waiting to write {table}");
            await transaction.CommitAsync();
        }

        await Task.WhenAll(pods);
    }

    /// <summary>Lock requests in this database not granted yet: a pod held back at the table, or at a lock of its own.</summary>
    private static async Task<long> WaitingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE NOT l.granted AND d.datname = current_database()", connection, transaction);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
