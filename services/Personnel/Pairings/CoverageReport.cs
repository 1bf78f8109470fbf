using MassWork.Personnel.Teams;
using MassWork.Personnel.Cadres;

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
    private const int VillagesPerQuery = 50;

    private const string CadreLoads = """
        SELECT c.id, c.name, c.rank,
               coalesce((SELECT k.kind FROM unnest(@teamRoles, @teamRoleKinds) AS k(role, kind) WHERE k.role = m.role), @noTeamKind) AS kind,
               coalesce(l.load, 0) AS load
        FROM cadres c
        LEFT JOIN team_memberships m ON m.cadre_id = c.id AND m.left_at IS NULL
        LEFT JOIN LATERAL (SELECT count(*) AS load FROM pairings p WHERE p.cadre_id = c.id AND p.ended_at IS NULL) l ON true
        -- A retired cadre owes no visits and takes no pairing: not counted, not a gap.
        WHERE c.retired_at IS NULL
          AND (c.region_code LIKE @prefix OR EXISTS (SELECT 1 FROM work_teams t WHERE t.id = m.team_id AND t.village_code LIKE @prefix))
        """;

    /// <summary>A cadre's minimum, looked up in the (kind, rank) table that <see cref="CoveragePolicy.MinimumFor"/> fills.</summary>
    private const string Minimum = """
        (SELECT m.minimum FROM unnest(@minimumKinds, @minimumRanks, @minimums) AS m(kind, rank, minimum)
         WHERE m.kind = loads.kind AND m.rank = loads.rank)
        """;

    /// <summary>
    /// The counts in one statement, and the two gap samples beside it on connections of their own,
    /// so the three run in parallel. At most one active pairing of each kind per household (a unique
    /// index) lets the counts avoid grouping by household (see <see cref="CoveragePolicy.Covered"/>).
    /// </summary>
    public static async Task<CoverageReport> ReportAsync(PersonnelDbContext db, string prefix, CoveragePolicy policy, int sample, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var counts = CountsAsync(connectionString, prefix, policy, cancellationToken);
        var uncovered = sample > 0 ? UncoveredAsync(connectionString, prefix, policy, 0, sample, cancellationToken) : Task.FromResult(new List<UncoveredHousehold>());
        var underloaded = sample > 0 ? BelowMinimumAsync(connectionString, prefix, policy, 0, sample, cancellationToken) : Task.FromResult(new List<UnderloadedCadre>());
        var (households, withResident, withFull, doubleCovered, cadres, idle, below) = await counts;
        var covered = policy.Covered(withResident, withFull, doubleCovered);
        return new CoverageReport(prefix, policy.Mode.ToString(), households, covered, households - covered, doubleCovered, withResident, withFull,
            cadres, idle, below, households == 0 ? 1 : Math.Round((double)covered / households, 4), await uncovered, await underloaded);
    }

    private static async Task<(long, long, long, long, long, long, long)> CountsAsync(
        string connectionString, string prefix, CoveragePolicy policy, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, policy, prefix, $"""
            WITH loads AS ({CadreLoads})
            SELECT (SELECT count(*) FROM households WHERE village_code LIKE @prefix),
                   (SELECT count(*) FROM pairings WHERE ended_at IS NULL AND kind = 'Resident' AND village_code LIKE @prefix),
                   (SELECT count(*) FROM pairings WHERE ended_at IS NULL AND kind = 'FullCoverage' AND village_code LIKE @prefix),
                   (SELECT count(*) FROM pairings r
                    JOIN pairings f ON f.household_id = r.household_id AND f.kind = 'FullCoverage' AND f.ended_at IS NULL AND f.village_code LIKE @prefix
                    WHERE r.kind = 'Resident' AND r.ended_at IS NULL AND r.village_code LIKE @prefix),
                   (SELECT count(*) FROM loads),
                   (SELECT count(*) FROM loads WHERE load = 0),
                   (SELECT count(*) FROM loads WHERE load < {Minimum})
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    /// <summary>
    /// Households that do not meet the policy, in village and number order. Per-village counts
    /// first rule out the villages that cannot have a gap, so at city scale only the first villages
    /// with gaps are listed household by household.
    /// </summary>
    public static async Task<List<UncoveredHousehold>> UncoveredAsync(string connectionString, string prefix, CoveragePolicy policy, int skip, int take, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var villages = new List<string>();
        await using (var counts = Command(connection, policy, prefix, """
            SELECT v.village_code, v.n, coalesce(p.r, 0), coalesce(p.f, 0)
            FROM (SELECT village_code, count(*) AS n FROM households WHERE village_code LIKE @prefix GROUP BY village_code) v
            LEFT JOIN (SELECT village_code, count(*) FILTER (WHERE kind = 'Resident') AS r, count(*) FILTER (WHERE kind = 'FullCoverage') AS f
                       FROM pairings WHERE ended_at IS NULL AND village_code LIKE @prefix GROUP BY village_code) p USING (village_code)
            ORDER BY v.village_code
            """))
        await using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (policy.MayHaveGaps(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)))
                {
                    villages.Add(reader.GetString(0));
                }
            }
        }

        var condition = policy.Mode == CoverageMode.Double ? "(r.id IS NULL OR f.id IS NULL)" : "(r.id IS NULL AND f.id IS NULL)";
        var list = new List<UncoveredHousehold>();
        var toSkip = skip;
        foreach (var chunk in villages.Chunk(VillagesPerQuery))
        {
            await using var command = Command(connection, policy, prefix, $"""
                SELECT h.id, h.household_number, h.village_code, h.head_name, r.id IS NOT NULL, f.id IS NOT NULL
                FROM households h
                LEFT JOIN pairings r ON r.household_id = h.id AND r.kind = 'Resident' AND r.ended_at IS NULL AND r.village_code = ANY(@villages)
                LEFT JOIN pairings f ON f.household_id = h.id AND f.kind = 'FullCoverage' AND f.ended_at IS NULL AND f.village_code = ANY(@villages)
                WHERE h.village_code = ANY(@villages) AND {condition}
                ORDER BY h.village_code, h.household_number LIMIT @limit
                """);
            command.Parameters.AddWithValue("villages", chunk);
            command.Parameters.AddWithValue("limit", toSkip + take - list.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (toSkip > 0)
                {
                    toSkip--;
                    continue;
                }

                list.Add(new UncoveredHousehold(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4), reader.GetBoolean(5)));
            }

            if (list.Count == take)
            {
                break;
            }
        }

        return list;
    }

    public static async Task<List<UnderloadedCadre>> BelowMinimumAsync(string connectionString, string prefix, CoveragePolicy policy, int skip, int take, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
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
        // The policy's rule decides each minimum; the SQL only looks them up.
        var cases = (from kind in Enum.GetValues<PairingKind>() from rank in Enum.GetValues<CadreRank>() select (kind, rank)).ToArray();
        command.Parameters.AddWithValue("minimumKinds", cases.Select(c => c.kind.ToString()).ToArray());
        command.Parameters.AddWithValue("minimumRanks", cases.Select(c => c.rank.ToString()).ToArray());
        command.Parameters.AddWithValue("minimums", cases.Select(c => policy.MinimumFor(c.kind, c.rank)).ToArray());
        // Likewise the pairing kind of a team role (TeamRoles.PairingKindFor).
        var roles = Enum.GetValues<TeamRole>();
        command.Parameters.AddWithValue("teamRoles", roles.Select(r => r.ToString()).ToArray());
        command.Parameters.AddWithValue("teamRoleKinds", roles.Select(r => TeamRoles.PairingKindFor(r).ToString()).ToArray());
        command.Parameters.AddWithValue("noTeamKind", TeamRoles.PairingKindFor(null).ToString());
        return command;
    }
}
