using MassWork.Personnel.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MassWork.Personnel.Pairings;

public sealed record UncoveredHousehold(Guid Id, string HouseholdNumber, string VillageCode, string HeadName, bool HasResident, bool HasFullCoverage);

public sealed record UnderloadedCadre(Guid Id, string Name, string Rank, string Kind, int Load, int Minimum);

/// <summary>
/// 双向全覆盖 report for a region: households, covered under the city's policy, double-covered,
/// cadres below their minimum, and the first gaps of each list.
/// </summary>
public sealed record CoverageReport(
    string Region,
    string Mode,
    long Households,
    long Covered,
    long Uncovered,
    long DoubleCovered,
    long WithResident,
    long WithFullCoverage,
    long Cadres,
    long CadresWithoutHouseholds,
    long CadresBelowMinimum,
    double CoverageRate,
    IReadOnlyList<UncoveredHousehold> UncoveredSample,
    IReadOnlyList<UnderloadedCadre> CadresBelowMinimumSample);

public static class CoverageQueries
{
    private const string CadreLoads = """
        SELECT c.id, c.name, c.rank,
               CASE WHEN m.role IN ('Leader', 'Resident') THEN 'Resident' ELSE 'FullCoverage' END AS kind,
               coalesce(l.load, 0) AS load
        FROM cadres c
        LEFT JOIN team_memberships m ON m.cadre_id = c.id AND m.left_at IS NULL
        LEFT JOIN LATERAL (SELECT count(*) AS load FROM pairings p WHERE p.cadre_id = c.id AND p.ended_at IS NULL) l ON true
        WHERE c.region_code LIKE @prefix
           OR EXISTS (SELECT 1 FROM work_teams t WHERE t.id = m.team_id AND t.village_code LIKE @prefix)
        """;

    private const string Minimum = """
        CASE WHEN kind = 'Resident' AND rank = 'SectionLevel' THEN @minResidentSection
             WHEN kind = 'Resident' THEN @minResidentGeneral
             WHEN rank = 'SectionLevel' THEN @minFullSection
             ELSE @minFullGeneral END
        """;

    /// <summary>All counts in one statement: an aggregate over the region's active pairings, its households and its cadres.</summary>
    public static async Task<CoverageReport> ReportAsync(PersonnelDbContext db, string prefix, CoveragePolicy policy, int sample, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        long households, anyCovered, doubleCovered, withResident, withFull, cadres, idle, below;
        await using (var command = Command(connection, policy, prefix, $"""
            WITH pc AS (
                SELECT household_id, bool_or(kind = 'Resident') AS r, bool_or(kind = 'FullCoverage') AS f
                FROM pairings WHERE ended_at IS NULL AND village_code LIKE @prefix
                GROUP BY household_id),
            loads AS ({CadreLoads})
            SELECT (SELECT count(*) FROM households WHERE village_code LIKE @prefix),
                   (SELECT count(*) FROM pc),
                   (SELECT count(*) FROM pc WHERE r AND f),
                   (SELECT count(*) FROM pc WHERE r),
                   (SELECT count(*) FROM pc WHERE f),
                   (SELECT count(*) FROM loads),
                   (SELECT count(*) FROM loads WHERE load = 0),
                   (SELECT count(*) FROM loads WHERE load < {Minimum})
            """))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (households, anyCovered, doubleCovered, withResident, withFull, cadres, idle, below) =
                (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
        }

        var covered = policy.Mode == CoverageMode.Double ? doubleCovered : anyCovered;
        var uncovered = sample > 0 ? await UncoveredAsync(db, prefix, policy, 0, sample, cancellationToken) : [];
        var underloaded = sample > 0 ? await BelowMinimumAsync(db, prefix, policy, 0, sample, cancellationToken) : [];
        return new CoverageReport(prefix, policy.Mode.ToString(), households, covered, households - covered, doubleCovered, withResident, withFull,
            cadres, idle, below, households == 0 ? 1 : Math.Round((double)covered / households, 4), uncovered, underloaded);
    }

    /// <summary>Households that do not meet the policy, in village and number order.</summary>
    public static async Task<List<UncoveredHousehold>> UncoveredAsync(PersonnelDbContext db, string prefix, CoveragePolicy policy, int skip, int take, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var condition = policy.Mode == CoverageMode.Double ? "NOT (r AND f)" : "NOT (r OR f)";
        await using var command = Command(connection, policy, prefix, $"""
            SELECT id, household_number, village_code, head_name, r, f FROM (
                SELECT h.id, h.household_number, h.village_code, h.head_name,
                       EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id AND p.kind = 'Resident' AND p.ended_at IS NULL) AS r,
                       EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id AND p.kind = 'FullCoverage' AND p.ended_at IS NULL) AS f
                FROM households h WHERE h.village_code LIKE @prefix) x
            WHERE {condition}
            ORDER BY village_code, household_number OFFSET @skip LIMIT @take
            """);
        command.Parameters.AddWithValue("skip", skip);
        command.Parameters.AddWithValue("take", take);
        var list = new List<UncoveredHousehold>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new UncoveredHousehold(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4), reader.GetBoolean(5)));
        }

        return list;
    }

    public static async Task<List<UnderloadedCadre>> BelowMinimumAsync(PersonnelDbContext db, string prefix, CoveragePolicy policy, int skip, int take, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, policy, prefix, $"""
            WITH loads AS ({CadreLoads})
            SELECT id, name, rank, kind, load::int, ({Minimum})::int FROM loads WHERE load < {Minimum}
            ORDER BY load, name, id OFFSET @skip LIMIT @take
            """);
        command.Parameters.AddWithValue("skip", skip);
        command.Parameters.AddWithValue("take", take);
        var list = new List<UnderloadedCadre>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new UnderloadedCadre(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return list;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, CoveragePolicy policy, string prefix, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("prefix", prefix + "%");
        command.Parameters.AddWithValue("minResidentSection", policy.MinResidentSectionLevel);
        command.Parameters.AddWithValue("minResidentGeneral", policy.MinResidentGeneral);
        command.Parameters.AddWithValue("minFullSection", policy.MinFullCoverageSectionLevel);
        command.Parameters.AddWithValue("minFullGeneral", policy.MinFullCoverageGeneral);
        return command;
    }
}
