using MassWork.Projects.Projects;

namespace MassWork.Projects.Milestones;

/// <summary>The progress of a region's areas: its projects' percents summed and counted, one level per row.</summary>
public sealed record RegionProgress(string RegionCode, int Projects, int? ProgressPercent);

public sealed record ProgressReport(string Region, int Projects, int? ProgressPercent, IReadOnlyList<RegionProgress> Counties, IReadOnlyList<RegionProgress> Towns, IReadOnlyList<RegionProgress> Villages);

/// <summary>
/// One pass: each project's weighted percent (<see cref="Progress.Of"/> as integer division), then
/// summed and counted at once (GROUPING SETS) for the region, its counties, towns and villages; the
/// division per area is <see cref="Progress.RollUp"/>. A town-wide project counts under the town's
/// own code (ending 000) among the villages.
/// </summary>
public sealed class ProgressQuery(ProjectsDbContext db)
{
    /// <summary>The stages whose milestones count: the works approved, under way or done.</summary>
    public static readonly string[] Stages = [nameof(ProjectStage.Approved), nameof(ProjectStage.UnderWay), nameof(ProjectStage.Accepted), nameof(ProjectStage.Published)];

    private const string Sql = """
        WITH per_project AS (
            SELECT p.region_code, sum(m.weight::bigint * m.progress_percent)::bigint / sum(m.weight) AS percent
            FROM projects p JOIN milestones m ON m.project_id = p.id
            WHERE p.region_code LIKE @prefix AND p.stage = ANY(@stages)
            GROUP BY p.id, p.region_code)
        SELECT CASE WHEN GROUPING(left(region_code, 6)) = 0 THEN left(region_code, 6)
                    WHEN GROUPING(left(region_code, 9)) = 0 THEN left(region_code, 9)
                    WHEN GROUPING(region_code) = 0 THEN region_code END AS key,
               count(*), coalesce(sum(percent), 0)::bigint
        FROM per_project
        GROUP BY GROUPING SETS ((), (left(region_code, 6)), (left(region_code, 9)), (region_code))
        ORDER BY key NULLS FIRST
        """;

    public async Task<ProgressReport> RunAsync(string region, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("prefix", region + "%");
            command.Parameters.AddWithValue("stages", Stages);
            var total = new RegionProgress(region, 0, null);
            var rows = new List<RegionProgress>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var count = reader.GetInt64(1);
                var sum = reader.GetInt64(2);
                if (reader.IsDBNull(0))
                {
                    total = new RegionProgress(region, (int)count, Progress.RollUp(sum, count));
                }
                else if (reader.GetString(0) is { } code && code.Length > region.Length)
                {
                    rows.Add(new RegionProgress(code, (int)count, Progress.RollUp(sum, count)));
                }
            }

            return new ProgressReport(region, total.Projects, total.ProgressPercent,
                rows.Where(r => r.RegionCode.Length == 6).ToList(), rows.Where(r => r.RegionCode.Length == 9).ToList(), rows.Where(r => r.RegionCode.Length == 12).ToList());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
