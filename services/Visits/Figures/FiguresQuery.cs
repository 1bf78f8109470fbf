using System.Data;
using MassWork.Visits.Frequency;
using MassWork.Visits.Records;
using MassWork.Visits.SpotChecks;
using Microsoft.Extensions.Options;

namespace MassWork.Visits.Figures;

/// <summary>
/// The visits figures of a region and period, each grouped at once (GROUPING SETS) into the total
/// and the areas one level down, all read from one snapshot. Households, contacts, cadres, days in
/// the village, aid and photos are sums of the villages' kept figures (<see cref="VillageFigures"/>,
/// computed by <see cref="VillageFiguresRefresh"/> from the frequency rules), so a whole city is a
/// few thousand rows; the region's villages still queued are refreshed first when they are few
/// (<see cref="FiguresOptions.InlineVillages"/>), otherwise counted as pending. Demands and
/// spot-checks, small tables, are counted live.
/// </summary>
public sealed class FiguresQuery(VisitsDbContext db, VillageFiguresRefresh refresh, IOptions<FiguresOptions> options)
{
    private const string Area = "CASE WHEN GROUPING(left(village_code, @child_length)) = 0 THEN left(village_code, @child_length) END";

    private const string ByArea = "GROUP BY GROUPING SETS ((), (left(village_code, @child_length)))";

    private const string VillagesSql = $"""
        -- A region with no villages computed yet still has its total row (GROUPING SETS ()), of zeros.
        SELECT {Area}, COALESCE(sum(households_due), 0)::bigint, COALESCE(sum(households_visited), 0)::bigint, COALESCE(sum(households_never_visited), 0)::bigint,
               COALESCE(sum(contacts_required), 0)::bigint, COALESCE(sum(contacts_done), 0)::bigint, COALESCE(sum(days_required), 0)::bigint, COALESCE(sum(days_done), 0)::bigint,
               COALESCE(sum(cadres_paired), 0)::bigint, COALESCE(sum(cadres_behind), 0)::bigint,
               COALESCE(sum(visits), 0)::bigint, COALESCE(sum(visits_with_aid), 0)::bigint, COALESCE(sum(aid_cash_fen), 0)::bigint, COALESCE(sum(aid_goods_fen), 0)::bigint, COALESCE(sum(photos), 0)::bigint, COALESCE(sum(flagged_photos), 0)::bigint
        FROM village_figures
        WHERE period = @period AND village_code LIKE @prefix
        {ByArea}
        """;

    private const string DemandsSql = $"""
        SELECT {Area}, status, count(*)
        FROM demands
        WHERE village_code LIKE @prefix AND raised_at >= @period_start AND raised_at < @period_end
        GROUP BY GROUPING SETS ((status), (left(village_code, @child_length), status))
        """;

    // The area and the town are columns of their own, not two left(…) expressions: for a county the
    // area is the town (both 9 digits), and GROUPING() over two equal expressions cannot tell the sets apart.
    private const string SpotChecksSql = """
        SELECT CASE WHEN GROUPING(area) = 0 THEN 1 WHEN GROUPING(town) = 0 THEN 2 ELSE 0 END,
               CASE WHEN GROUPING(area) = 0 THEN area WHEN GROUPING(town) = 0 THEN town END,
               count(*) FILTER (WHERE outcome = @passed), count(*) FILTER (WHERE outcome = @failed), count(*) FILTER (WHERE outcome = @unreached),
               count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE named_cadre_id IS NOT NULL)
        FROM (SELECT outcome, satisfied, named_cadre_id, left(village_code, @child_length) AS area, left(village_code, @town_length) AS town
              FROM spot_check_calls
              WHERE village_code LIKE @prefix AND answered_at >= @period_start AND answered_at < @period_end) s
        GROUP BY GROUPING SETS ((), (area), (town))
        """;

    private const string SpotCheckCadresSql = """
        SELECT c.cadre_id, max(cr.name), count(*) FILTER (WHERE s.outcome = @passed), count(*) FILTER (WHERE s.outcome = @failed)
        FROM spot_check_calls s
        CROSS JOIN LATERAL unnest(s.cadre_ids) AS c(cadre_id)
        LEFT JOIN cadres cr ON cr.id = c.cadre_id
        WHERE s.village_code LIKE @prefix AND s.answered_at >= @period_start AND s.answered_at < @period_end AND s.outcome IN (@passed, @failed)
        GROUP BY c.cadre_id
        ORDER BY count(*) FILTER (WHERE s.outcome = @failed) DESC, max(cr.name), c.cadre_id
        """;

    /// <summary>A town's code is 9 digits.</summary>
    private const int TownLength = 9;

    public async Task<VisitFiguresReport> RunAsync(string region, FiguresPeriod period, CancellationToken cancellationToken)
    {
        var queued = await refresh.PendingAsync(region, cancellationToken);
        if (queued > 0 && queued <= options.Value.InlineVillages)
        {
            await refresh.RefreshAsync(region, options.Value.InlineVillages, TimeSpan.FromSeconds(30), waitForOthers: false, cancellationToken);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off", connection))
            {
                await noJit.ExecuteNonQueryAsync(cancellationToken);
            }

            var figures = new Dictionary<string, VillageRow>();
            await ReadAsync(connection, VillagesSql, region, period, r => figures[Key(r)] = new VillageRow(
                new HouseholdFigures(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)),
                Contacts(r.GetInt64(4), r.GetInt64(5)),
                new VillageDayFigures(r.GetInt64(6), r.GetInt64(7)),
                new CadreFigures(r.GetInt64(8), r.GetInt64(9)),
                new AidFigures(r.GetInt64(10), r.GetInt64(11), r.GetInt64(12), r.GetInt64(13), r.GetInt64(12) + r.GetInt64(13)),
                new PhotoFigures(r.GetInt64(14), r.GetInt64(15))), cancellationToken);
            var demands = new Dictionary<string, SortedDictionary<string, long>>();
            await ReadAsync(connection, DemandsSql, region, period, r =>
            {
                var key = Key(r);
                (demands.TryGetValue(key, out var byStatus) ? byStatus : demands[key] = new SortedDictionary<string, long>(StringComparer.Ordinal))[r.GetString(1)] = r.GetInt64(2);
            }, cancellationToken);
            var spotChecks = new Dictionary<string, SpotCheckFigures>();
            var towns = new List<TownSpotChecks>();
            await ReadAsync(connection, SpotChecksSql, region, period, r =>
            {
                var checks = SpotChecks(r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
                switch (r.GetInt32(0))
                {
                    case 2:
                        towns.Add(new TownSpotChecks(r.GetString(1), checks));
                        break;
                    case 1:
                        spotChecks[r.GetString(1)] = checks;
                        break;
                    default:
                        spotChecks[""] = checks;
                        break;
                }
            }, cancellationToken);
            var cadres = new List<CadreSpotChecks>();
            await ReadAsync(connection, SpotCheckCadresSql, region, period, r => cadres.Add(new CadreSpotChecks(
                r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2), r.GetInt64(3), SpotCheckRates.PassRate(r.GetInt64(2), r.GetInt64(3)))), cancellationToken);
            long pending = 0;
            await ReadAsync(connection, VillageFiguresRefresh.PendingSql, region, period, r => pending = r.GetInt64(0), cancellationToken);
            await snapshot.CommitAsync(cancellationToken);

            AreaFigures Figures(string key, string code)
            {
                var v = figures.GetValueOrDefault(key, VillageRow.None);
                return new(code, v.Households, v.Contacts, v.Cadres, v.Days, v.Aid,
                    demands.TryGetValue(key, out var d) ? new DemandFigures(d.Values.Sum(), d) : new DemandFigures(0, new SortedDictionary<string, long>()),
                    v.Photos, spotChecks.GetValueOrDefault(key, SpotChecks(0, 0, 0, 0, 0)));
            }

            var areas = figures.Keys.Concat(demands.Keys).Concat(spotChecks.Keys)
                .Where(k => k.Length > 0).Distinct().Order(StringComparer.Ordinal).Select(k => Figures(k, k)).ToList();
            return new VisitFiguresReport(region, period.Name, period.FirstDay, period.LastDay, Figures("", region), areas,
                [.. towns.OrderBy(t => t.TownCode, StringComparer.Ordinal)], cadres, pending);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The next level down: city 4 → county 6 → town 9 → village 12.</summary>
    public static int ChildLength(int length) => length switch
    {
        <= 2 => 4,
        4 => 6,
        6 => 9,
        _ => 12,
    };

    private static ContactFigures Contacts(long required, long done) => new(required, done, Rate(done, required));

    private static SpotCheckFigures SpotChecks(long passed, long failed, long unreached, long satisfied, long named) =>
        new(passed, failed, unreached, satisfied, named, SpotCheckRates.PassRate(passed, failed));

    private static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    /// <summary>The area a row is for; "" for the region's total.</summary>
    private static string Key(NpgsqlDataReader reader) => reader.IsDBNull(0) ? "" : reader.GetString(0);

    private static async Task ReadAsync(
        NpgsqlConnection connection, string sql, string region, FiguresPeriod period, Action<NpgsqlDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("prefix", region + "%");
        command.Parameters.AddWithValue("period", period.Name);
        command.Parameters.AddWithValue("child_length", ChildLength(region.Length));
        command.Parameters.AddWithValue("town_length", TownLength);
        command.Parameters.AddWithValue("period_start", ChinaTime.StartOf(period.FirstDay));
        command.Parameters.AddWithValue("period_end", ChinaTime.StartOf(period.LastDay.AddDays(1)));
        command.Parameters.AddWithValue("passed", nameof(CallOutcome.Passed));
        command.Parameters.AddWithValue("failed", nameof(CallOutcome.Failed));
        command.Parameters.AddWithValue("unreached", nameof(CallOutcome.Unreached));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    /// <summary>What an area's villages' kept figures add up to.</summary>
    private sealed record VillageRow(HouseholdFigures Households, ContactFigures Contacts, VillageDayFigures Days, CadreFigures Cadres, AidFigures Aid, PhotoFigures Photos)
    {
        public static readonly VillageRow None = new(new(0, 0, 0), new(0, 0, null), new(0, 0), new(0, 0), new(0, 0, 0, 0, 0), new(0, 0));
    }
}
