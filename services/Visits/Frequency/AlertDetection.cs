using MassWork.Visits.Records;

namespace MassWork.Visits.Frequency;

/// <summary>
/// Finds the subjects behind for a period, one set-based INSERT … SELECT each, and records them as
/// alerts; a subject already recorded for that level and period is left as it is (ON CONFLICT DO
/// NOTHING), so detection may run again, and on several replicas, without doubling anything. The
/// figures owed come from the C# rules through <see cref="CityPolicies"/>; days are Asia/Shanghai
/// dates, counted as <see cref="FrequencyRules.PairedDays"/> counts them.
/// </summary>
public static class AlertDetection
{
    /// <summary>
    /// A pairing's first and last Shanghai dates within the period (as FrequencyRules.PairedDays),
    /// and whether it was held in the period; the figures count them alike. The period's bounds are
    /// parameters (<c>@first_day</c> …) or, given "pd.", columns of a list of periods.
    /// </summary>
    internal static string PairedFrom(string period = "@") => $"GREATEST(COALESCE((p.started_at AT TIME ZONE @zone)::date, {period}first_day), {period}first_day)";

    internal static string PairedTo(string period = "@") =>
        $"LEAST(COALESCE(((p.ended_at - interval '1 microsecond') AT TIME ZONE @zone)::date, {period}last_day), {period}last_day)";

    internal static string HeldInPeriod(string period = "@") =>
        $"(p.started_at IS NULL OR p.started_at < {period}period_end) AND (p.ended_at IS NULL OR p.ended_at > {period}period_start)";

    /// <summary>Contacts of a visit group (visits joined to their cadres and households): distinct Shanghai days, so two visits on one day are one contact.</summary>
    internal const string ContactDays = "count(DISTINCT (v.visited_at AT TIME ZONE @zone)::date)::int";

    internal const string City = "COALESCE(array_position(@cities, left(village_code, 4)), 0)";

    private const string Insert = """
        INSERT INTO frequency_alerts (kind, level, subject_key, first_day, last_day, cadre_id, household_id, village_code, required, done, due_at, found_at)
        """;

    private static readonly string HouseholdContactsSql = $"""
            WITH paired AS (
                SELECT p.cadre_id, p.household_id,
                       (array_agg(p.village_code ORDER BY p.started_at DESC NULLS LAST))[1] AS village_code,
                       LEAST(sum(GREATEST(0, {PairedTo()} - {PairedFrom()} + 1)), @table_length - 1)::int AS days
                FROM pairings p
                WHERE {HeldInPeriod()}
                GROUP BY p.cadre_id, p.household_id),
            owing AS (
                SELECT x.*, (@required)[x.city * @table_length + x.days + 1] AS required
                FROM (SELECT paired.*, {City} AS city FROM paired) x),
            contacts AS (
                SELECT vc.cadre_id, vh.household_id, {ContactDays} AS done
                FROM visits v
                JOIN visit_cadres vc ON vc.visit_id = v.id
                JOIN visit_households vh ON vh.visit_id = v.id
                WHERE v.visited_at >= @period_start AND v.visited_at < @period_end
                GROUP BY vc.cadre_id, vh.household_id)
            {Insert}
            SELECT @kind, @level, o.cadre_id::text || ':' || o.household_id::text, @first_day, @last_day, o.cadre_id, o.household_id, o.village_code,
                   o.required, COALESCE(c.done, 0), @due_at, @now
            FROM owing o
            LEFT JOIN contacts c ON c.cadre_id = o.cadre_id AND c.household_id = o.household_id
            WHERE (@open)[o.city + 1] AND COALESCE(c.done, 0) < o.required
            ON CONFLICT (kind, level, subject_key, first_day) DO NOTHING
            """;

    private static readonly string VillageDaysSql = $"""
            WITH held AS (
                SELECT p.cadre_id,
                       (array_agg(p.village_code ORDER BY p.started_at DESC NULLS LAST))[1] AS village_code,
                       array_agg(DISTINCT p.village_code) AS villages,
                       LEAST(GREATEST(0, max({PairedTo()}) - min({PairedFrom()}) + 1), @table_length - 1)::int AS days
                FROM pairings p
                WHERE {HeldInPeriod()}
                GROUP BY p.cadre_id),
            owing AS (
                SELECT x.*,
                       CASE WHEN x.section THEN (@section_required)[x.city * @table_length + x.days + 1]
                            ELSE (@general_required)[x.city * @table_length + x.days + 1] END AS required
                FROM (SELECT held.*, {City} AS city, COALESCE(c.rank = @section_rank, false) AS section
                      FROM held LEFT JOIN cadres c ON c.id = held.cadre_id) x),
            present AS (
                SELECT vc.cadre_id, vh.village_code, (v.visited_at AT TIME ZONE @zone)::date AS day
                FROM visits v
                JOIN visit_cadres vc ON vc.visit_id = v.id
                JOIN visit_households vh ON vh.visit_id = v.id
                WHERE v.visited_at >= @period_start AND v.visited_at < @period_end AND v.mode <> @remote_mode
                GROUP BY 1, 2, 3),
            days AS (
                SELECT o.cadre_id, count(DISTINCT p.day)::int AS done
                FROM owing o JOIN present p ON p.cadre_id = o.cadre_id AND p.village_code = ANY(o.villages)
                GROUP BY o.cadre_id)
            {Insert}
            SELECT @kind, @level, o.cadre_id::text, @first_day, @last_day, o.cadre_id, NULL, o.village_code, o.required, COALESCE(d.done, 0), @due_at, @now
            FROM owing o
            LEFT JOIN days d ON d.cadre_id = o.cadre_id
            WHERE (@open)[o.city + 1] AND COALESCE(d.done, 0) < o.required
            ON CONFLICT (kind, level, subject_key, first_day) DO NOTHING
            """;

    /// <summary>Each cadre's distinct days with a visit to each household paired with them, against what the pairing owes.</summary>
    public static Task<int> HouseholdContactsAsync(VisitsDbContext db, CityPolicies cities, int year, AlertLevel level, bool[] open, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(HouseholdContactsSql,
            YearParameters(cities, year, AlertKind.HouseholdContacts, level, open, now,
                new NpgsqlParameter("required", cities.RequiredTables(p => p.HouseholdContactsPerYear, year))),
            cancellationToken);

    /// <summary>
    /// Each cadre's distinct days with a visit in person (not by phone) to a household of a village
    /// where they held a pairing that year, against what their rank owes for the span of the year
    /// they held pairings (from the first day of any to the last day of any).
    /// </summary>
    public static Task<int> VillageDaysAsync(VisitsDbContext db, CityPolicies cities, int year, AlertLevel level, bool[] open, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(VillageDaysSql,
            YearParameters(cities, year, AlertKind.VillageDays, level, open, now,
                new NpgsqlParameter("section_required", cities.RequiredTables(p => p.SectionLevelVillageDays, year)),
                new NpgsqlParameter("general_required", cities.RequiredTables(p => p.GeneralVillageDays, year)),
                new NpgsqlParameter("section_rank", FrequencyPolicy.SectionLevelRank),
                new NpgsqlParameter("remote_mode", VisitMode.Phone.ToString())),
            cancellationToken);

    /// <summary>Every village of the city that held fewer 民情分析联席会 in the quarter than its city requires.</summary>
    public static Task<int> MeetingsAsync(VisitsDbContext db, CityPolicies cities, Quarter quarter, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"""
            WITH {MeetingsOwed.Sql}
            {Insert}
            SELECT @kind, @level, o.village_code, @first_day, @last_day, NULL, NULL, o.village_code, o.required, o.held, @due_at, @now
            FROM owed o
            WHERE o.held < o.required
            ON CONFLICT (kind, level, subject_key, first_day) DO NOTHING
            """,
            [.. MeetingsOwed.Parameters(cities, quarter, ""),
                new NpgsqlParameter("kind", AlertKind.Meetings.ToString()),
                new NpgsqlParameter("level", AlertLevel.Overdue.ToString()),
                new NpgsqlParameter("due_at", ChinaTime.StartOf(quarter.LastDay.AddDays(1))),
                new NpgsqlParameter("now", now)],
            cancellationToken);

    private static NpgsqlParameter[] YearParameters(
        CityPolicies cities, int year, AlertKind kind, AlertLevel level, bool[] open, DateTimeOffset now, params NpgsqlParameter[] more) =>
    [
        new("zone", ChinaTime.Zone.Id),
        new("cities", cities.Cities),
        new("table_length", FrequencyRules.TableLength),
        new("first_day", new DateOnly(year, 1, 1)),
        new("last_day", new DateOnly(year, 12, 31)),
        new("period_start", ChinaTime.StartOf(new DateOnly(year, 1, 1))),
        new("period_end", FrequencyRules.YearEnd(year)),
        new("kind", kind.ToString()),
        new("level", level.ToString()),
        new("open", open),
        new("due_at", FrequencyRules.YearEnd(year)),
        new("now", now),
        .. more,
    ];
}
