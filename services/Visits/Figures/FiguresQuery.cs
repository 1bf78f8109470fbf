using System.Data;
using MassWork.ServiceDefaults;
using MassWork.Visits.Data;
using MassWork.Visits.Frequency;
using MassWork.Visits.Records;
using MassWork.Visits.SpotChecks;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MassWork.Visits.Figures;

/// <summary>
/// The visits figures of a region and period, one set-based query per figure, each grouped at once
/// (GROUPING SETS) into the total and the areas one level down; all read one snapshot. What a
/// pairing owes comes from <see cref="FrequencyRules"/> through <see cref="CityPolicies"/> (tables
/// looked up by city and days paired) and days are counted by the sweeper's own fragments
/// (<see cref="AlertDetection"/>), so SQL never restates the rule. A visit with households in
/// several areas counts once, in the area of its lowest village code.
/// </summary>
public sealed class FiguresQuery(VisitsDbContext db)
{
    private const string Area = "CASE WHEN GROUPING(left(village_code, @child_length)) = 0 THEN left(village_code, @child_length) END";

    private const string ByArea = "GROUP BY GROUPING SETS ((), (left(village_code, @child_length)))";

    private const string HouseholdsSql = $"""
        WITH hh AS (
            SELECT p.household_id, min(p.village_code) AS village_code, bool_or({AlertDetection.HeldInPeriod}) AS due
            FROM pairings p
            WHERE p.village_code LIKE @prefix AND (p.started_at IS NULL OR p.started_at < @period_end) AND (p.ended_at IS NULL OR p.ended_at > @year_start)
            GROUP BY p.household_id),
        seen AS (
            SELECT vh.household_id, bool_or(v.visited_at >= @period_start) AS in_period
            -- Joined rather than IN (SELECT … FROM hh): an IN over a CTE is guessed at 200 rows, and a city's households were then looked up one by one.
            FROM hh JOIN visit_households vh ON vh.household_id = hh.household_id JOIN visits v ON v.id = vh.visit_id
            WHERE v.visited_at >= @year_start AND v.visited_at < @period_end
            GROUP BY vh.household_id)
        SELECT {Area}, count(*) FILTER (WHERE hh.due), count(*) FILTER (WHERE hh.due AND s.in_period), count(*) FILTER (WHERE s.household_id IS NULL)
        FROM hh LEFT JOIN seen s ON s.household_id = hh.household_id
        {ByArea}
        """;

    private const string ContactsSql = $"""
        WITH paired AS (
            SELECT p.cadre_id, p.household_id,
                   (array_agg(p.village_code ORDER BY p.started_at DESC NULLS LAST))[1] AS village_code,
                   LEAST(sum(GREATEST(0, {AlertDetection.PairedTo} - {AlertDetection.PairedFrom} + 1)), @table_length - 1)::int AS days
            FROM pairings p
            WHERE p.village_code LIKE @prefix AND {AlertDetection.HeldInPeriod}
            GROUP BY p.cadre_id, p.household_id),
        -- One pass over the period's visits serves both the contacts and the days present.
        met AS MATERIALIZED (
            SELECT vc.cadre_id, vh.household_id, vh.village_code, (v.visited_at AT TIME ZONE @zone)::date AS day, bool_or(v.mode <> @remote_mode) AS in_person
            FROM visits v JOIN visit_cadres vc ON vc.visit_id = v.id JOIN visit_households vh ON vh.visit_id = v.id
            WHERE v.visited_at >= @period_start AND v.visited_at < @period_end AND vh.village_code LIKE @prefix
            GROUP BY 1, 2, 3, 4),
        contacts AS (
            SELECT cadre_id, household_id, count(DISTINCT day)::int AS done
            FROM met
            GROUP BY cadre_id, household_id),
        lines AS (
            SELECT x.cadre_id, x.village_code, (@contacts_required)[x.city * @table_length + x.days + 1] AS required, COALESCE(c.done, 0) AS done
            FROM (SELECT paired.*, {AlertDetection.City} AS city FROM paired) x
            LEFT JOIN contacts c ON c.cadre_id = x.cadre_id AND c.household_id = x.household_id),
        held AS (
            SELECT p.cadre_id,
                   (array_agg(p.village_code ORDER BY p.started_at DESC NULLS LAST))[1] AS village_code,
                   array_agg(DISTINCT p.village_code) AS villages,
                   LEAST(GREATEST(0, max({AlertDetection.PairedTo}) - min({AlertDetection.PairedFrom}) + 1), @table_length - 1)::int AS days
            FROM pairings p
            WHERE p.village_code LIKE @prefix AND {AlertDetection.HeldInPeriod}
            GROUP BY p.cadre_id),
        owing AS (
            SELECT x.cadre_id, x.village_code, x.villages,
                   CASE WHEN x.section THEN (@section_required)[x.city * @table_length + x.days + 1]
                        ELSE (@general_required)[x.city * @table_length + x.days + 1] END AS required
            FROM (SELECT held.*, {AlertDetection.City} AS city, COALESCE(c.rank = @section_rank, false) AS section
                  FROM held LEFT JOIN cadres c ON c.id = held.cadre_id) x),
        present AS (
            SELECT cadre_id, village_code, day
            FROM met
            WHERE in_person
            GROUP BY 1, 2, 3),
        days AS (
            SELECT o.cadre_id, count(DISTINCT p.day)::int AS done
            FROM owing o JOIN present p ON p.cadre_id = o.cadre_id AND p.village_code = ANY(o.villages)
            GROUP BY o.cadre_id),
        subjects AS (
            SELECT cadre_id, village_code, required AS contacts_required, LEAST(done, required) AS contacts_done, 0 AS days_required, 0 AS days_done,
                   done < required AS behind
            FROM lines
            UNION ALL
            SELECT o.cadre_id, o.village_code, 0, 0, o.required, COALESCE(d.done, 0), COALESCE(d.done, 0) < o.required
            FROM owing o LEFT JOIN days d ON d.cadre_id = o.cadre_id)
        SELECT {Area}, sum(contacts_required)::bigint, sum(contacts_done)::bigint, sum(days_required)::bigint, sum(days_done)::bigint,
               count(DISTINCT cadre_id), count(DISTINCT cadre_id) FILTER (WHERE behind)
        FROM subjects
        {ByArea}
        """;

    private const string AidSql = $"""
        WITH v AS (
            SELECT v.id, v.aid_cash_fen AS cash,
                   (SELECT COALESCE(sum((g->>'valueFen')::bigint), 0) FROM jsonb_array_elements(v.aid_goods) g) AS goods,
                   min(vh.village_code) AS village_code
            FROM visits v JOIN visit_households vh ON vh.visit_id = v.id
            WHERE v.visited_at >= @period_start AND v.visited_at < @period_end AND vh.village_code LIKE @prefix
            GROUP BY v.id),
        ph AS (
            SELECT p.visit_id, count(*) AS photos, count(*) FILTER (WHERE p.flagged) AS flagged
            -- Joined rather than IN (SELECT id FROM v), for the same reason as the households' visits.
            FROM v JOIN visit_photos p ON p.visit_id = v.id
            GROUP BY p.visit_id)
        SELECT {Area}, count(*), count(*) FILTER (WHERE v.cash > 0 OR v.goods > 0), COALESCE(sum(v.cash), 0)::bigint, COALESCE(sum(v.goods), 0)::bigint,
               COALESCE(sum(ph.photos), 0)::bigint, COALESCE(sum(ph.flagged), 0)::bigint
        FROM v LEFT JOIN ph ON ph.visit_id = v.id
        {ByArea}
        """;

    private const string DemandsSql = $"""
        SELECT {Area}, status, count(*)
        FROM demands
        WHERE village_code LIKE @prefix AND raised_at >= @period_start AND raised_at < @period_end
        GROUP BY GROUPING SETS ((status), (left(village_code, @child_length), status))
        """;

    private const string SpotChecksSql = """
        SELECT CASE WHEN GROUPING(left(village_code, @child_length)) = 0 THEN 1 WHEN GROUPING(left(village_code, @town_length)) = 0 THEN 2 ELSE 0 END,
               CASE WHEN GROUPING(left(village_code, @child_length)) = 0 THEN left(village_code, @child_length)
                    WHEN GROUPING(left(village_code, @town_length)) = 0 THEN left(village_code, @town_length) END,
               count(*) FILTER (WHERE outcome = @passed), count(*) FILTER (WHERE outcome = @failed), count(*) FILTER (WHERE outcome = @unreached),
               count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE named_cadre_id IS NOT NULL)
        FROM spot_check_calls
        WHERE village_code LIKE @prefix AND answered_at >= @period_start AND answered_at < @period_end
        GROUP BY GROUPING SETS ((), (left(village_code, @child_length)), (left(village_code, @town_length)))
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
        var cities = await CityPolicies.LoadAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off", connection))
            {
                await noJit.ExecuteNonQueryAsync(cancellationToken);
            }

            var households = new Dictionary<string, HouseholdFigures>();
            await ReadAsync(connection, HouseholdsSql, region, period, cities, r => households[Key(r)] = new HouseholdFigures(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken);
            var contacts = new Dictionary<string, (ContactFigures Contacts, CadreFigures Cadres, VillageDayFigures Days)>();
            await ReadAsync(connection, ContactsSql, region, period, cities, r => contacts[Key(r)] = (
                Contacts(r.GetInt64(1), r.GetInt64(2)), new CadreFigures(r.GetInt64(5), r.GetInt64(6)), new VillageDayFigures(r.GetInt64(3), r.GetInt64(4))), cancellationToken);
            var aid = new Dictionary<string, (AidFigures Aid, PhotoFigures Photos)>();
            await ReadAsync(connection, AidSql, region, period, cities, r => aid[Key(r)] = (
                new AidFigures(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(3) + r.GetInt64(4)), new PhotoFigures(r.GetInt64(5), r.GetInt64(6))), cancellationToken);
            var demands = new Dictionary<string, SortedDictionary<string, long>>();
            await ReadAsync(connection, DemandsSql, region, period, cities, r =>
            {
                var key = Key(r);
                (demands.TryGetValue(key, out var byStatus) ? byStatus : demands[key] = new SortedDictionary<string, long>(StringComparer.Ordinal))[r.GetString(1)] = r.GetInt64(2);
            }, cancellationToken);
            var spotChecks = new Dictionary<string, SpotCheckFigures>();
            var towns = new List<TownSpotChecks>();
            await ReadAsync(connection, SpotChecksSql, region, period, cities, r =>
            {
                var figures = SpotChecks(r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
                switch (r.GetInt32(0))
                {
                    case 2:
                        towns.Add(new TownSpotChecks(r.GetString(1), figures));
                        break;
                    case 1:
                        spotChecks[r.GetString(1)] = figures;
                        break;
                    default:
                        spotChecks[""] = figures;
                        break;
                }
            }, cancellationToken);
            var cadres = new List<CadreSpotChecks>();
            await ReadAsync(connection, SpotCheckCadresSql, region, period, cities, r => cadres.Add(new CadreSpotChecks(
                r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2), r.GetInt64(3), SpotCheckRates.PassRate(r.GetInt64(2), r.GetInt64(3)))), cancellationToken);
            await snapshot.CommitAsync(cancellationToken);

            AreaFigures Figures(string key, string code) => new(
                code,
                households.GetValueOrDefault(key, new HouseholdFigures(0, 0, 0)),
                contacts.TryGetValue(key, out var c) ? c.Contacts : Contacts(0, 0),
                contacts.TryGetValue(key, out c) ? c.Cadres : new CadreFigures(0, 0),
                contacts.TryGetValue(key, out c) ? c.Days : new VillageDayFigures(0, 0),
                aid.TryGetValue(key, out var a) ? a.Aid : new AidFigures(0, 0, 0, 0, 0),
                demands.TryGetValue(key, out var d) ? new DemandFigures(d.Values.Sum(), d) : new DemandFigures(0, new SortedDictionary<string, long>()),
                aid.TryGetValue(key, out a) ? a.Photos : new PhotoFigures(0, 0),
                spotChecks.GetValueOrDefault(key, SpotChecks(0, 0, 0, 0, 0)));

            var areas = households.Keys.Concat(contacts.Keys).Concat(aid.Keys).Concat(demands.Keys).Concat(spotChecks.Keys)
                .Where(k => k.Length > 0).Distinct().Order(StringComparer.Ordinal).Select(k => Figures(k, k)).ToList();
            return new VisitFiguresReport(region, period.Name, period.FirstDay, period.LastDay, Figures("", region), areas,
                [.. towns.OrderBy(t => t.TownCode, StringComparer.Ordinal)], cadres);
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
        NpgsqlConnection connection, string sql, string region, FiguresPeriod period, CityPolicies cities, Action<NpgsqlDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var year = period.Year;
        command.Parameters.AddWithValue("prefix", region + "%");
        command.Parameters.AddWithValue("child_length", ChildLength(region.Length));
        command.Parameters.AddWithValue("town_length", TownLength);
        command.Parameters.AddWithValue("zone", ChinaTime.Zone.Id);
        command.Parameters.AddWithValue("first_day", period.FirstDay);
        command.Parameters.AddWithValue("last_day", period.LastDay);
        command.Parameters.AddWithValue("period_start", ChinaTime.StartOf(period.FirstDay));
        command.Parameters.AddWithValue("period_end", ChinaTime.StartOf(period.LastDay.AddDays(1)));
        command.Parameters.AddWithValue("year_start", ChinaTime.StartOf(new DateOnly(year, 1, 1)));
        command.Parameters.AddWithValue("cities", cities.Cities);
        command.Parameters.AddWithValue("table_length", FrequencyRules.TableLength);
        command.Parameters.AddWithValue("contacts_required", cities.RequiredTables(p => p.HouseholdContactsPerYear, year));
        command.Parameters.AddWithValue("section_required", cities.RequiredTables(p => p.SectionLevelVillageDays, year));
        command.Parameters.AddWithValue("general_required", cities.RequiredTables(p => p.GeneralVillageDays, year));
        command.Parameters.AddWithValue("section_rank", FrequencyPolicy.SectionLevelRank);
        command.Parameters.AddWithValue("remote_mode", nameof(VisitMode.Phone));
        command.Parameters.AddWithValue("passed", nameof(CallOutcome.Passed));
        command.Parameters.AddWithValue("failed", nameof(CallOutcome.Failed));
        command.Parameters.AddWithValue("unreached", nameof(CallOutcome.Unreached));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }
}
