namespace MassWork.Visits.Frequency;

/// <summary>
/// The villages that owe 民情分析联席会 for a quarter — every village where a pairing was held
/// during it — with the meetings required by their city's policy and those held: one CTE, read by
/// the overdue list and by the sweeper's detection alike.
/// </summary>
public static class MeetingsOwed
{
    public const string Sql = """
        owed AS (
            SELECT v.village_code,
                   (@meetings_required)[COALESCE(array_position(@cities, left(v.village_code, 4)), 0) + 1] AS required,
                   COALESCE(m.held, 0) AS held
            FROM (SELECT DISTINCT p.village_code FROM pairings p
                  WHERE p.village_code LIKE @prefix || '%'
                    AND (p.started_at IS NULL OR p.started_at < @period_end) AND (p.ended_at IS NULL OR p.ended_at > @period_start)) v
            LEFT JOIN (SELECT village_code, count(*)::int AS held FROM analysis_meetings
                       WHERE held_on BETWEEN @first_day AND @last_day AND village_code LIKE @prefix || '%'
                       GROUP BY village_code) m ON m.village_code = v.village_code)
        """;

    public static NpgsqlParameter[] Parameters(CityPolicies cities, Quarter quarter, string prefix) =>
    [
        new("meetings_required", cities.Values(p => p.MeetingsPerQuarter)),
        new("cities", cities.Cities),
        new("prefix", prefix),
        new("first_day", quarter.FirstDay),
        new("last_day", quarter.LastDay),
        new("period_start", ChinaTime.StartOf(quarter.FirstDay)),
        new("period_end", ChinaTime.StartOf(quarter.LastDay.AddDays(1))),
    ];
}
