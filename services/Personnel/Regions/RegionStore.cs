using Microsoft.EntityFrameworkCore.Storage;

namespace MassWork.Personnel.Regions;

/// <summary>Reads region files and writes them in one statement: new codes are added, renamed ones updated.</summary>
public static class RegionStore
{
    public const int MaxRegionsPerFile = 200_000;

    public sealed record ReadResult(List<RegionCsvRow> Rows, List<string> Errors);

    public static ReadResult Read(TextReader text, CancellationToken cancellationToken)
    {
        var rows = new List<RegionCsvRow>();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in new Imports.CsvReader(text).ReadAll(cancellationToken))
        {
            if (record.Line == 1 && record.Fields.Count > 0 && record.Fields[0].Trim().TrimStart('\uFEFF') == "code")
            {
                continue;
            }

            var (row, error) = RegionCsvRow.Parse(record.Fields);
            if (row is null)
            {
                errors.Add($"line {record.Line}: {error}");
            }
            else if (!seen.Add(row.Code))
            {
                errors.Add($"line {record.Line}: code {row.Code} appears twice.");
            }
            else if (rows.Count == MaxRegionsPerFile)
            {
                errors.Add($"line {record.Line}: at most {MaxRegionsPerFile} regions per file.");
                break;
            }
            else
            {
                rows.Add(row);
            }
        }

        return new ReadResult(rows, errors);
    }

    /// <summary>Lines whose parent is neither in the file nor in the register (the file may hold a whole subtree).</summary>
    public static async Task<List<string>> OrphansAsync(PersonnelDbContext db, IReadOnlyList<RegionCsvRow> rows, CancellationToken cancellationToken)
    {
        var inFile = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var wanted = rows.Where(r => r.ParentCode is not null && !inFile.Contains(r.ParentCode) && r.Level > RegionLevel.City)
            .Select(r => r.ParentCode!).Distinct().ToList();
        var known = await db.Regions.Where(r => wanted.Contains(r.Code)).Select(r => r.Code).ToListAsync(cancellationToken);
        var missing = wanted.Except(known).ToHashSet();
        return rows.Where(r => r.ParentCode is not null && missing.Contains(r.ParentCode))
            .Select(r => $"code {r.Code}: its parent {r.ParentCode} is neither in the file nor in the register.").ToList();
    }

    public static async Task<(int Added, int Renamed)> UpsertAsync(PersonnelDbContext db, IReadOnlyList<RegionCsvRow> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH input AS (
                SELECT * FROM unnest(@codes, @names, @levels, @parents) AS i(code, name, level, parent_code)),
            written AS (
                INSERT INTO regions (code, name, level, parent_code)
                SELECT code, name, level, parent_code FROM input
                ON CONFLICT (code) DO UPDATE SET name = excluded.name
                WHERE regions.name IS DISTINCT FROM excluded.name
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
            """, connection);
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        command.Parameters.AddWithValue("codes", rows.Select(r => r.Code).ToArray());
        command.Parameters.AddWithValue("names", rows.Select(r => r.Name).ToArray());
        command.Parameters.AddWithValue("levels", rows.Select(r => r.Level.ToString()).ToArray());
        command.Parameters.AddWithValue("parents", rows.Select(r => r.ParentCode).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
