namespace MassWork.Benchmarks;

/// <summary>What several suites load and read the same way: the city's villages, and single SQL statements without a time limit.</summary>
public static class BenchData
{
    /// <summary>Rural villages (村委会, numbered from 200) under every real town of the city.</summary>
    public static List<string> Villages(string repositoryRoot, int perTown) =>
        File.ReadLines(Path.Combine(repositoryRoot, "deploy", "data", "regions-ganzhou-3607.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(parts => parts.Length >= 3 && parts[2] == "town")
            .SelectMany(parts => Enumerable.Range(0, perTown).Select(k => $"{parts[0][..9]}{200 + k:000}"))
            .ToList();

    public static async Task<long> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, sql, cancellationToken);
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
