using MassWork.AppHost.Hosting;
using Npgsql;

namespace MassWork.Benchmarks;

/// <summary>A throwaway PostgreSQL server (the AppHost's local-process one) tuned like a small production box.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"masswork-bench-{Guid.NewGuid():N}");
    private LocalPostgresServer? _server;

    public string ConnectionString { get; private set; } = "";

    public async Task StartAsync(string database)
    {
        Directory.CreateDirectory(_folder);
        if (!OperatingSystem.IsWindows())
        {
            // The postgres user must reach the folder when we run as root.
            File.SetUnixFileMode(_folder, (UnixFileMode)Convert.ToInt32("755", 8));
        }
        _server = new LocalPostgresServer(Path.Combine(_folder, "postgres"), (_, _) => { }, new Dictionary<string, string>
        {
            ["shared_buffers"] = "2GB",
            ["work_mem"] = "64MB",
            ["maintenance_work_mem"] = "1GB",
            ["max_wal_size"] = "8GB",
            ["checkpoint_timeout"] = "30min",
        });
        await _server.StartAsync(CancellationToken.None);
        await using (var connection = new NpgsqlConnection(_server.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionString(database)) { CommandTimeout = 0 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
