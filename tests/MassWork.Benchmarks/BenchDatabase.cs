using MassWork.Testing.Servers;

namespace MassWork.Benchmarks;

/// <summary>A throwaway PostgreSQL server (the AppHost's local-process one) tuned like a small production box.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private LocalPostgresServer? _server;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"masswork-bench-{Guid.NewGuid():N}");

    /// <summary>The one database the run uses, when it created one.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The server itself (database "postgres"), for an AppHost that creates its own databases.</summary>
    public string ServerConnectionString => _server!.ConnectionString();

    public async Task StartAsync(string? database = null)
    {
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows())
        {
            // The postgres and rabbitmq users must reach the folder when we run as root.
            File.SetUnixFileMode(Folder, (UnixFileMode)Convert.ToInt32("755", 8));
        }
        _server = new LocalPostgresServer(Path.Combine(Folder, "postgres"), (_, _) => { }, new Dictionary<string, string>
        {
            ["shared_buffers"] = "2GB",
            ["work_mem"] = "64MB",
            ["maintenance_work_mem"] = "1GB",
            ["max_wal_size"] = "8GB",
            ["checkpoint_timeout"] = "30min",
            ["max_connections"] = "300",
        });
        await _server.StartAsync(CancellationToken.None);
        if (database is null)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(_server.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        ConnectionString = Database(database);
    }

    public string Database(string database) =>
        new NpgsqlConnectionStringBuilder(_server!.ConnectionString(database)) { CommandTimeout = 0 }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
