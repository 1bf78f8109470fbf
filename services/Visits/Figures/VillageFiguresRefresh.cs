using MassWork.Visits.Frequency;
using MassWork.Visits.Records;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Figures;

/// <summary>
/// Recomputes the <see cref="VillageFigures"/> of queued villages (<see cref="FiguresChange"/>):
/// claims them, works out which years each needs (the year queued, or every year from its first
/// pairing or visit to this one), and writes all seventeen periods of each year in three set-based
/// statements. The rules are those of the live figures and of the sweeper: what a pairing owes comes
/// from <see cref="FrequencyRules"/> through <see cref="CityPolicies"/>, paired days are counted by
/// the sweeper's own fragments (<see cref="AlertDetection"/>). A household counts in the lowest
/// village of its pairings, a pairing's contacts in the village of its latest pairing, a cadre (days
/// in the village, behind or not) once, in the village of their latest pairing; a visit's aid and
/// photos in the lowest village of its households. One refresh runs at a time (an advisory lock),
/// so figures computed from an older snapshot never overwrite newer ones; a change committed while
/// a refresh runs stays queued for the next.
/// </summary>
public sealed class VillageFiguresRefresh(VisitsDbContext db, TimeProvider time)
{
    private const string Periods = """
        pd AS (SELECT * FROM unnest(@names, @first_days, @last_days, @starts, @ends) AS pd(name, first_day, last_day, period_start, period_end))
        """;

    private static readonly string PeopleSql = $"""
        WITH {Periods},
        households_in AS (SELECT DISTINCT household_id FROM pairings WHERE village_code = ANY(@villages)),
        cadres_in AS (SELECT DISTINCT cadre_id FROM pairings WHERE village_code = ANY(@villages)),
        -- Every pairing of those households and cadres held in the year: a household is placed, and a cadre judged, by all of theirs.
        -- As arrays (= ANY): looked up by index however many the planner guesses; a join guessed large read all pairings.
        hp AS MATERIALIZED (
            SELECT p.* FROM pairings p
            WHERE (p.household_id = ANY(ARRAY(SELECT household_id FROM households_in)) OR p.cadre_id = ANY(ARRAY(SELECT cadre_id FROM cadres_in)))
              AND (p.started_at IS NULL OR p.started_at < @year_end) AND (p.ended_at IS NULL OR p.ended_at > @year_start)),
        -- Each cadre's Shanghai days at each of those households this year: one pass serves the households and the contacts.
        met AS MATERIALIZED (
            SELECT vc.cadre_id, vh.household_id, (v.visited_at AT TIME ZONE @zone)::date AS day
            FROM (SELECT DISTINCT household_id FROM hp) h
            JOIN visit_households vh ON vh.household_id = h.household_id
            JOIN visits v ON v.id = vh.visit_id
            JOIN visit_cadres vc ON vc.visit_id = v.id
            WHERE v.visited_at >= @year_start AND v.visited_at < @year_end
            GROUP BY 1, 2, 3),
        hh AS (
            SELECT pd.name, p.household_id, min(p.village_code) AS village_code, bool_or({AlertDetection.HeldInPeriod("pd.")}) AS due
            FROM pd JOIN hp p ON p.started_at IS NULL OR p.started_at < pd.period_end
            WHERE p.household_id IN (SELECT household_id FROM households_in)
            GROUP BY pd.name, p.household_id),
        seen AS (
            SELECT pd.name, m.household_id, bool_or(m.day >= pd.first_day) AS in_period
            FROM pd JOIN met m ON m.day <= pd.last_day
            GROUP BY pd.name, m.household_id),
        households AS (
            SELECT hh.name, hh.village_code, count(*) FILTER (WHERE hh.due) AS due, count(*) FILTER (WHERE hh.due AND s.in_period) AS visited,
                   count(*) FILTER (WHERE s.household_id IS NULL) AS never
            FROM hh LEFT JOIN seen s ON s.name = hh.name AND s.household_id = hh.household_id
            WHERE hh.village_code = ANY(@villages)
            GROUP BY hh.name, hh.village_code),
        paired AS (
            SELECT pd.name, p.cadre_id, p.household_id,
                   (array_agg(p.village_code ORDER BY p.started_at DESC NULLS LAST))[1] AS village_code,
                   LEAST(sum(GREATEST(0, {AlertDetection.PairedTo("pd.")} - {AlertDetection.PairedFrom("pd.")} + 1)), @table_length - 1)::int AS days
            FROM pd JOIN hp p ON {AlertDetection.HeldInPeriod("pd.")}
            GROUP BY pd.name, p.cadre_id, p.household_id),
        contacts AS (
            SELECT pd.name, m.cadre_id, m.household_id, count(*)::int AS done
            FROM pd JOIN met m ON m.day BETWEEN pd.first_day AND pd.last_day
            GROUP BY 1, 2, 3),
        lines AS MATERIALIZED (
            SELECT x.name, x.cadre_id, x.village_code, (@contacts_required)[x.city * @table_length + x.days + 1] AS required, COALESCE(c.done, 0) AS done
            FROM (SELECT paired.*, {AlertDetection.City} AS city FROM paired) x
            LEFT JOIN contacts c ON c.name = x.name AND c.cadre_id = x.cadre_id AND c.household_id = x.household_id),
        held AS (
            SELECT pd.name, p.cadre_id,
                   (array_agg(p.village_code ORDER BY p.started_at DESC NULLS LAST))[1] AS village_code,
                   array_agg(DISTINCT p.village_code) AS villages,
                   LEAST(GREATEST(0, max({AlertDetection.PairedTo("pd.")}) - min({AlertDetection.PairedFrom("pd.")}) + 1), @table_length - 1)::int AS days
            FROM pd JOIN hp p ON {AlertDetection.HeldInPeriod("pd.")}
            WHERE p.cadre_id IN (SELECT cadre_id FROM cadres_in)
            GROUP BY pd.name, p.cadre_id),
        owing AS (
            SELECT x.name, x.cadre_id, x.village_code, x.villages,
                   CASE WHEN x.section THEN (@section_required)[x.city * @table_length + x.days + 1]
                        ELSE (@general_required)[x.city * @table_length + x.days + 1] END AS required
            FROM (SELECT held.*, {AlertDetection.City} AS city, COALESCE(c.rank = @section_rank, false) AS section
                  FROM held LEFT JOIN cadres c ON c.id = held.cadre_id) x
            WHERE x.village_code = ANY(@villages)),
        present AS MATERIALIZED (
            SELECT vc.cadre_id, vh.village_code, (v.visited_at AT TIME ZONE @zone)::date AS day
            FROM (SELECT DISTINCT cadre_id FROM owing) o
            JOIN visit_cadres vc ON vc.cadre_id = o.cadre_id
            JOIN visits v ON v.id = vc.visit_id
            JOIN visit_households vh ON vh.visit_id = v.id
            WHERE v.visited_at >= @year_start AND v.visited_at < @year_end AND v.mode <> @remote_mode
            GROUP BY 1, 2, 3),
        days AS (
            SELECT o.name, o.cadre_id, count(DISTINCT p.day)::int AS done
            FROM owing o JOIN pd ON pd.name = o.name
            JOIN present p ON p.cadre_id = o.cadre_id AND p.village_code = ANY(o.villages) AND p.day BETWEEN pd.first_day AND pd.last_day
            GROUP BY o.name, o.cadre_id),
        lines_behind AS (
            SELECT DISTINCT name, cadre_id FROM lines WHERE done < required),
        -- Summed by village before the union: a row per period and village, not per pairing.
        village_lines AS (
            SELECT name, village_code, sum(required) AS required, sum(LEAST(done, required)) AS done
            FROM lines WHERE village_code = ANY(@villages)
            GROUP BY name, village_code),
        subjects AS (
            SELECT name, village_code, due, visited, never, 0::bigint AS contacts_required, 0::bigint AS contacts_done,
                   0::bigint AS days_required, 0::bigint AS days_done, 0::bigint AS paired, 0::bigint AS behind
            FROM households
            UNION ALL
            SELECT name, village_code, 0, 0, 0, required, done, 0, 0, 0, 0
            FROM village_lines
            UNION ALL
            SELECT o.name, o.village_code, 0, 0, 0, 0, 0, o.required, COALESCE(d.done, 0), 1,
                   CASE WHEN COALESCE(d.done, 0) < o.required OR b.cadre_id IS NOT NULL THEN 1 ELSE 0 END
            FROM owing o
            LEFT JOIN days d ON d.name = o.name AND d.cadre_id = o.cadre_id
            LEFT JOIN lines_behind b ON b.name = o.name AND b.cadre_id = o.cadre_id)
        INSERT INTO village_figures (village_code, period, year, households_due, households_visited, households_never_visited, contacts_required, contacts_done,
                                     days_required, days_done, cadres_paired, cadres_behind, visits, visits_with_aid, aid_cash_fen, aid_goods_fen, photos, flagged_photos, computed_at)
        -- Every period of every village refreshed gets a row, zeros too: the village is known to have been computed for the year.
        SELECT g.village_code, pd.name, @year, COALESCE(sum(s.due), 0), COALESCE(sum(s.visited), 0), COALESCE(sum(s.never), 0),
               COALESCE(sum(s.contacts_required), 0), COALESCE(sum(s.contacts_done), 0), COALESCE(sum(s.days_required), 0), COALESCE(sum(s.days_done), 0),
               COALESCE(sum(s.paired), 0), COALESCE(sum(s.behind), 0), 0, 0, 0, 0, 0, 0, @computed_at
        FROM unnest(@villages) AS g(village_code) CROSS JOIN pd
        LEFT JOIN subjects s ON s.village_code = g.village_code AND s.name = pd.name
        GROUP BY g.village_code, pd.name
        """;

    private const string AidSql = $"""
        WITH {Periods},
        v AS (
            SELECT v.id, v.visited_at, v.aid_cash_fen AS cash,
                   (SELECT COALESCE(sum((g->>'valueFen')::bigint), 0) FROM jsonb_array_elements(v.aid_goods) g) AS goods,
                   min(vh.village_code) AS village_code
            FROM visits v JOIN visit_households vh ON vh.visit_id = v.id
            WHERE v.visited_at >= @year_start AND v.visited_at < @year_end
              AND v.id IN (SELECT visit_id FROM visit_households WHERE village_code = ANY(@villages))
            GROUP BY v.id),
        ph AS (
            SELECT p.visit_id, count(*) AS photos, count(*) FILTER (WHERE p.flagged) AS flagged
            FROM v JOIN visit_photos p ON p.visit_id = v.id
            WHERE v.village_code = ANY(@villages)
            GROUP BY p.visit_id)
        UPDATE village_figures f
        SET visits = a.visits, visits_with_aid = a.with_aid, aid_cash_fen = a.cash, aid_goods_fen = a.goods, photos = a.photos, flagged_photos = a.flagged
        FROM (SELECT v.village_code, pd.name, count(*) AS visits, count(*) FILTER (WHERE v.cash > 0 OR v.goods > 0) AS with_aid,
                     COALESCE(sum(v.cash), 0) AS cash, COALESCE(sum(v.goods), 0) AS goods, COALESCE(sum(ph.photos), 0) AS photos, COALESCE(sum(ph.flagged), 0) AS flagged
              FROM v JOIN pd ON v.visited_at >= pd.period_start AND v.visited_at < pd.period_end
              LEFT JOIN ph ON ph.visit_id = v.id
              WHERE v.village_code = ANY(@villages)
              GROUP BY v.village_code, pd.name) a
        WHERE f.village_code = a.village_code AND f.period = a.name
        """;

    private const string ClaimSql = """
        WITH claimed AS (
            SELECT DISTINCT village_code FROM figures_changes WHERE village_code LIKE @prefix ORDER BY village_code LIMIT @limit)
        DELETE FROM figures_changes f USING claimed c WHERE f.village_code = c.village_code
        RETURNING f.village_code, f.year
        """;

    /// <summary>Every year from the village's first pairing or visit (or figures) to this one, or to its last pairing's or visit's if later.</summary>
    private const string AllYearsSql = """
        SELECT g.village_code, generate_series(GREATEST(@first_year, LEAST(p.first, v.first, f.first, @this_year)), GREATEST(p.last, v.last, @this_year))
        FROM unnest(@villages) AS g(village_code)
        CROSS JOIN LATERAL (
            SELECT min(extract(year FROM COALESCE(p.started_at, p.ended_at) AT TIME ZONE @zone))::int AS first,
                   max(extract(year FROM GREATEST(p.started_at, p.ended_at) AT TIME ZONE @zone))::int AS last
            FROM pairings p WHERE p.village_code = g.village_code) p
        CROSS JOIN LATERAL (
            SELECT min(extract(year FROM v.visited_at AT TIME ZONE @zone))::int AS first, max(extract(year FROM v.visited_at AT TIME ZONE @zone))::int AS last
            FROM visit_households vh JOIN visits v ON v.id = vh.visit_id WHERE vh.village_code = g.village_code) v
        CROSS JOIN LATERAL (SELECT min(f.year) AS first FROM village_figures f WHERE f.village_code = g.village_code) f
        """;

    /// <summary>One refresh at a time, across replicas.</summary>
    public const string LockName = "visits-figures-refresh";

    /// <summary>Villages queued and not yet refreshed under a region code prefix (<c>@prefix</c>).</summary>
    public const string PendingSql = "SELECT count(DISTINCT village_code) AS \"Value\" FROM figures_changes WHERE village_code LIKE @prefix";

    public Task<long> PendingAsync(string region, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<long>(PendingSql, new NpgsqlParameter("prefix", region + "%")).SingleAsync(cancellationToken);

    /// <summary>
    /// Refreshes up to <paramref name="limit"/> queued villages under <paramref name="region"/>
    /// ("" for all) in one transaction; returns how many it refreshed. With <paramref name="waitForOthers"/>
    /// false (a request refreshing its few villages itself) it refreshes nothing while another refresh
    /// runs, rather than wait behind it: the request answers with the figures as kept and what is pending.
    /// </summary>
    public async Task<int> RefreshAsync(string region, int limit, TimeSpan timeout, bool waitForOthers, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, "SET LOCAL jit = off", null, cancellationToken);
            if (waitForOthers)
            {
                await AdvisoryLock.WaitAsync(connection, transaction, LockName, cancellationToken);
            }
            else if (!await AdvisoryLock.TryTakeAsync(connection, transaction, LockName, cancellationToken))
            {
                return 0;
            }

            var years = new List<(string Village, int? Year)>();
            await using (var claim = new NpgsqlCommand(ClaimSql, connection) { CommandTimeout = (int)timeout.TotalSeconds })
            {
                claim.Parameters.AddWithValue("prefix", region + "%");
                claim.Parameters.AddWithValue("limit", limit);
                await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    years.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1)));
                }
            }

            var thisYear = ChinaTime.Today(time).Year;
            var wanted = years.Where(y => y.Year is not null).Select(y => (y.Village, Year: y.Year!.Value)).ToHashSet();
            var everyYear = years.Where(y => y.Year is null).Select(y => y.Village).Distinct().ToArray();
            if (everyYear.Length > 0)
            {
                await using var all = new NpgsqlCommand(AllYearsSql, connection) { CommandTimeout = (int)timeout.TotalSeconds };
                all.Parameters.AddWithValue("villages", everyYear);
                all.Parameters.AddWithValue("zone", ChinaTime.Zone.Id);
                all.Parameters.AddWithValue("first_year", FiguresPeriod.FirstYear);
                all.Parameters.AddWithValue("this_year", thisYear);
                await using var reader = await all.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    wanted.Add((reader.GetString(0), reader.GetInt32(1)));
                }
            }

            var cities = await CityPolicies.LoadAsync(db, cancellationToken);
            foreach (var year in wanted.GroupBy(w => w.Year).OrderBy(g => g.Key))
            {
                await RefreshYearAsync(connection, cities, year.Key, [.. year.Select(w => w.Village).Order(StringComparer.Ordinal)], timeout, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return years.Select(y => y.Village).Distinct().Count();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Queues, for <paramref name="year"/>, every village that has figures for the year before and
    /// none for it: pairings run on into a new year without any event saying so.
    /// </summary>
    public Task<int> CarryIntoAsync(int year, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO figures_changes (village_code, year)
            SELECT DISTINCT f.village_code, {year} FROM village_figures f
            WHERE f.year = {year - 1}
              AND NOT EXISTS (SELECT 1 FROM village_figures g WHERE g.year = {year} AND g.village_code = f.village_code)
              AND NOT EXISTS (SELECT 1 FROM figures_changes c WHERE c.village_code = f.village_code)
            """, cancellationToken);

    private async Task RefreshYearAsync(NpgsqlConnection connection, CityPolicies cities, int year, string[] villages, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var periods = FiguresPeriod.AllOf(year);
        void Parameters(NpgsqlCommand command)
        {
            command.Parameters.AddWithValue("villages", villages);
            command.Parameters.AddWithValue("year", year);
            command.Parameters.AddWithValue("zone", ChinaTime.Zone.Id);
            command.Parameters.AddWithValue("year_start", ChinaTime.StartOf(new DateOnly(year, 1, 1)));
            command.Parameters.AddWithValue("year_end", FrequencyRules.YearEnd(year));
            command.Parameters.AddWithValue("names", periods.Select(p => p.Name).ToArray());
            command.Parameters.AddWithValue("first_days", periods.Select(p => p.FirstDay).ToArray());
            command.Parameters.AddWithValue("last_days", periods.Select(p => p.LastDay).ToArray());
            command.Parameters.AddWithValue("starts", periods.Select(p => ChinaTime.StartOf(p.FirstDay)).ToArray());
            command.Parameters.AddWithValue("ends", periods.Select(p => ChinaTime.StartOf(p.LastDay.AddDays(1))).ToArray());
            command.Parameters.AddWithValue("cities", cities.Cities);
            command.Parameters.AddWithValue("table_length", FrequencyRules.TableLength);
            command.Parameters.AddWithValue("contacts_required", cities.RequiredTables(p => p.HouseholdContactsPerYear, year));
            command.Parameters.AddWithValue("section_required", cities.RequiredTables(p => p.SectionLevelVillageDays, year));
            command.Parameters.AddWithValue("general_required", cities.RequiredTables(p => p.GeneralVillageDays, year));
            command.Parameters.AddWithValue("section_rank", FrequencyPolicy.SectionLevelRank);
            command.Parameters.AddWithValue("remote_mode", nameof(VisitMode.Phone));
            command.Parameters.AddWithValue("computed_at", time.GetUtcNow());
        }

        await ExecuteAsync(connection, "DELETE FROM village_figures WHERE year = @year AND village_code = ANY(@villages)", Parameters, cancellationToken, timeout);
        await ExecuteAsync(connection, PeopleSql, Parameters, cancellationToken, timeout);
        await ExecuteAsync(connection, AidSql, Parameters, cancellationToken, timeout);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand>? parameters, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (timeout is { } t)
        {
            command.CommandTimeout = (int)t.TotalSeconds;
        }

        parameters?.Invoke(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
