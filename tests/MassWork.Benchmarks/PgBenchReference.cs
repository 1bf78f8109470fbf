using System.Text.RegularExpressions;
using MassWork.AppHost.Servers;

namespace MassWork.Benchmarks;

/// <summary>
/// The reference a request that writes rows is measured against: pgbench making the same inserts
/// per transaction (the same tables, as many rows each, copied from rows the requests wrote) into
/// tables with the same columns, indexes and constraints (<c>LIKE … INCLUDING ALL</c>) in the same
/// server, at the same concurrency. What a request writes is read from PostgreSQL's own counters
/// (<see cref="InsertsAsync"/>), so the reference follows the code rather than a list kept by hand.
/// </summary>
public static partial class PgBenchReference
{
    /// <summary>Rows inserted into each table of the database so far, once every backend has reported them.</summary>
    public static async Task<Dictionary<string, long>> InsertsAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Backends report their counts within about a second of going idle; read until two reads agree.
        Dictionary<string, long>? last = null;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = new Dictionary<string, long>();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT relname, n_tup_ins FROM pg_stat_user_tables", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                now[reader.GetString(0)] = reader.GetInt64(1);
            }

            if (last is not null && now.Count == last.Count && now.All(t => last.GetValueOrDefault(t.Key) == t.Value))
            {
                return now;
            }

            last = now;
        }

        return last!;
    }

    /// <summary>Tables and rows per request, from the counters before and after <paramref name="requests"/> requests (rounded; tables written by fewer than half the requests left out).</summary>
    public static Dictionary<string, int> PerRequest(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, int requests) =>
        after.Select(t => (t.Key, Rows: (int)Math.Round((double)(t.Value - before.GetValueOrDefault(t.Key)) / requests)))
            .Where(t => t.Rows > 0).ToDictionary(t => t.Key, t => t.Rows);

    /// <summary>pgbench's transactions/s over <paramref name="seconds"/> with <paramref name="clients"/> clients, each transaction inserting <paramref name="rows"/>.</summary>
    public static async Task<double> TransactionsPerSecondAsync(string connectionString, IReadOnlyDictionary<string, int> rows, int clients, int seconds, CancellationToken cancellationToken)
    {
        var script = new StringBuilder("BEGIN;\n");
        var setup = new StringBuilder("CREATE SEQUENCE pgbench_reference_keys;\n");
        foreach (var (table, count) in rows)
        {
            var columns = await ColumnsAsync(connectionString, table, cancellationToken);
            setup.AppendLine($"CREATE TABLE pgbench_reference_{table} (LIKE {table} INCLUDING ALL);");
            setup.AppendLine($"CREATE TABLE pgbench_template_{table} AS SELECT * FROM {table} ORDER BY ctid DESC LIMIT {count};");
            var written = columns.Where(c => !c.Identity).ToList();
            script.AppendLine($"INSERT INTO pgbench_reference_{table} ({string.Join(", ", written.Select(c => c.Name))}) " +
                $"SELECT {string.Join(", ", written.Select(c => c.Unique ? Fresh(table, c) : c.Name))} FROM pgbench_template_{table};");
        }

        script.AppendLine("END;");
        await BenchData.ExecuteAsync(connectionString, setup.ToString(), cancellationToken);
        var file = Path.Combine(Path.GetTempPath(), $"masswork-pgbench-{Guid.NewGuid():N}.sql");
        try
        {
            await File.WriteAllTextAsync(file, script.ToString(), cancellationToken);
            var server = new NpgsqlConnectionStringBuilder(connectionString);
            var start = new ProcessStartInfo(Path.Combine(PostgresBinaries.Directory(), "pgbench"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["PGPASSWORD"] = server.Password },
            };
            foreach (var argument in new[] { "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
                "-f", file, "-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!, server.Database! })
            {
                start.ArgumentList.Add(argument);
            }

            using var pgbench = Process.Start(start)!;
            var output = pgbench.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = pgbench.StandardError.ReadToEndAsync(cancellationToken);
            await pgbench.WaitForExitAsync(cancellationToken);
            var tps = Tps().Match(await output);
            if (pgbench.ExitCode != 0 || !tps.Success)
            {
                throw new InvalidOperationException($"pgbench failed ({pgbench.ExitCode}): {await errors}\n{await output}\nScript:\n{script}");
            }

            BenchReport.Line("pgbench, the same inserts", $"{string.Join(", ", rows.Select(r => $"{r.Value} × {r.Key}"))} per transaction");
            return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
            await BenchData.ExecuteAsync(connectionString, "DROP SEQUENCE pgbench_reference_keys;" + string.Concat(rows.Keys.Select(t =>
                $"DROP TABLE IF EXISTS pgbench_reference_{t}; DROP TABLE IF EXISTS pgbench_template_{t};")), CancellationToken.None);
        }
    }

    /// <summary>A new value for a column under a unique index, so copied rows do not collide.</summary>
    private static string Fresh(string table, Column column) => column.Type switch
    {
        "uuid" => "gen_random_uuid()",
        "bigint" or "integer" => "nextval('pgbench_reference_keys')",
        "text" or "character varying" => "'pgbench-' || nextval('pgbench_reference_keys')",
        _ => throw new InvalidOperationException($"{table}.{column.Name} is unique and of type {column.Type}: the reference cannot make new values for it."),
    };

    private static async Task<List<Column>> ColumnsAsync(string connectionString, string table, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT a.attname, format_type(a.atttypid, NULL), a.attidentity <> '' OR a.attgenerated <> '',
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisunique AND a.attnum = ANY (i.indkey))
            FROM pg_attribute a
            WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """, connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<Column>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(new Column(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3)));
        }

        return columns;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    private sealed record Column(string Name, string Type, bool Identity, bool Unique);
}
