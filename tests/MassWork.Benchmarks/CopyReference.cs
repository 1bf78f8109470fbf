namespace MassWork.Benchmarks;

/// <summary>
/// The reference a bulk load is measured against: the rows it wrote, loaded again by plain binary
/// COPY into empty tables with the same columns and indexes (<c>LIKE … INCLUDING ALL</c>) in the
/// same server, over one stream or several in parallel (each stream its own connection and
/// transaction, taking an equal share of every table's rows).
/// </summary>
public sealed class CopyReference : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly (string Table, string Key)[] _tables;
    private readonly Dictionary<(string Table, int Share, int Shares), byte[]> _rows = [];

    private CopyReference(string connectionString, (string Table, string Key)[] tables)
    {
        _connectionString = connectionString;
        _tables = tables;
    }

    /// <summary>Copies the given tables' structure (as <c>copy_reference_&lt;table&gt;</c>); each table's key column splits its rows between streams.</summary>
    public static async Task<CopyReference> CreateAsync(string connectionString, (string Table, string Key)[] tables, CancellationToken cancellationToken)
    {
        var reference = new CopyReference(connectionString, tables);
        await BenchData.ExecuteAsync(connectionString, string.Join(";", tables.Select(t => $"CREATE TABLE copy_reference_{t.Table} (LIKE {t.Table} INCLUDING ALL)")), cancellationToken);
        return reference;
    }

    /// <summary>Seconds to load every table's rows over <paramref name="streams"/> parallel COPY streams, into emptied tables.</summary>
    public async Task<double> LoadAsync(int streams, CancellationToken cancellationToken)
    {
        for (var share = 0; share < streams; share++)
        {
            foreach (var (table, key) in _tables)
            {
                if (!_rows.ContainsKey((table, share, streams)))
                {
                    _rows[(table, share, streams)] = await ExportAsync(table, key, share, streams, cancellationToken);
                }
            }
        }

        await BenchData.ExecuteAsync(_connectionString, string.Join(";", _tables.Select(t => $"TRUNCATE copy_reference_{t.Table}")) + "; CHECKPOINT", cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async share =>
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var (table, _) in _tables)
            {
                await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY copy_reference_{table} FROM STDIN (FORMAT BINARY)", cancellationToken);
                await copy.WriteAsync(_rows[(table, share, streams)], cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }));
        return stopwatch.Elapsed.TotalSeconds;
    }

    public async ValueTask DisposeAsync() =>
        await BenchData.ExecuteAsync(_connectionString, string.Join(";", _tables.Select(t => $"DROP TABLE copy_reference_{t.Table}")), CancellationToken.None);

    private async Task<byte[]> ExportAsync(string table, string key, int share, int shares, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        var rows = new MemoryStream();
        await using (var copy = await connection.BeginRawBinaryCopyAsync(
            $"COPY (SELECT * FROM {table} WHERE abs(hashtext({key}::text)) % {shares} = {share}) TO STDOUT (FORMAT BINARY)", cancellationToken))
        {
            await copy.CopyToAsync(rows, cancellationToken);
        }

        return rows.ToArray();
    }
}
