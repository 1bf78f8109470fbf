using MassWork.Projects.Data;
using MassWork.Projects.Projects;
using MassWork.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MassWork.Projects.Figures;

/// <summary>
/// The projects proposed in the period in a region: one pass over the projects grouped at once
/// (GROUPING SETS) into the total, each area one level down, stage, category and size bucket; one
/// pass over their money totals by source, for the region and each area.
/// </summary>
public sealed class FiguresQuery(ProjectsDbContext db, IOptions<ProjectsOptions> options)
{
    private const string ProjectsSql = """
        SELECT CASE WHEN GROUPING(area) = 0 THEN 1 WHEN GROUPING(stage) = 0 THEN 2 WHEN GROUPING(category) = 0 THEN 3 WHEN GROUPING(bucket) = 0 THEN 4 ELSE 0 END AS cut,
               CASE WHEN GROUPING(area) = 0 THEN area WHEN GROUPING(stage) = 0 THEN stage WHEN GROUPING(category) = 0 THEN category
                    WHEN GROUPING(bucket) = 0 THEN bucket::text END AS key,
               count(*) FILTER (WHERE first_row),
               coalesce(sum(estimated_cost_fen) FILTER (WHERE first_row), 0)::bigint,
               count(*) FILTER (WHERE first_row AND done),
               count(*) FILTER (WHERE first_row AND done AND last_due IS NOT NULL),
               count(*) FILTER (WHERE first_row AND done AND last_due IS NOT NULL AND accepted_on <= last_due),
               coalesce(sum(beneficiary_count) FILTER (WHERE first_row AND done), 0)::bigint,
               count(DISTINCT demand_id) FILTER (WHERE done)
        FROM (SELECT left(p.region_code, @child_length) AS area, p.stage, p.category,
                     width_bucket(p.estimated_cost_fen, @thresholds) AS bucket,
                     p.estimated_cost_fen, p.beneficiary_count, p.stage = ANY(@done) AS done,
                     (p.accepted_at AT TIME ZONE @zone)::date AS accepted_on,
                     (SELECT max(m.due_date) FROM milestones m WHERE m.project_id = p.id) AS last_due,
                     l.demand_id, coalesce(l.n = 1, true) AS first_row
              FROM projects p
              LEFT JOIN LATERAL unnest(p.linked_demand_ids) WITH ORDINALITY AS l(demand_id, n) ON true
              WHERE p.region_code LIKE @prefix AND p.proposed_at >= @from AND p.proposed_at < @to) x
        GROUP BY GROUPING SETS ((), (area), (stage), (category), (bucket))
        ORDER BY cut, key
        """;

    private const string MoneySql = """
        SELECT CASE WHEN GROUPING(left(p.region_code, @child_length)) = 0 THEN left(p.region_code, @child_length) END AS area,
               b.source, sum(b.budget_fen)::bigint, sum(b.allocated_fen)::bigint, sum(b.paid_fen)::bigint
        FROM source_balances b JOIN projects p ON p.id = b.project_id
        WHERE p.region_code LIKE @prefix AND p.proposed_at >= @from AND p.proposed_at < @to
        GROUP BY GROUPING SETS ((b.source), (left(p.region_code, @child_length), b.source))
        ORDER BY area NULLS FIRST, b.source
        """;

    /// <summary>Done: the works accepted (验收), published or not yet.</summary>
    public static readonly string[] DoneStages = [nameof(ProjectStage.Accepted), nameof(ProjectStage.Published)];

    public async Task<FiguresReport> RunAsync(string region, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var buckets = SizeBuckets.From(options.Value);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var total = Empty;
            var cuts = Enumerable.Range(0, 5).Select(_ => new List<(string Key, FigureCounts Counts)>()).ToArray();
            await using (var command = Command(ProjectsSql, connection, region, from, to))
            {
                command.Parameters.AddWithValue("thresholds", buckets.Thresholds);
                command.Parameters.AddWithValue("done", DoneStages);
                command.Parameters.AddWithValue("zone", ChinaTime.Zone.Id);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var counts = new FigureCounts(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8));
                    var cut = reader.GetInt32(0);
                    if (cut == 0)
                    {
                        total = counts;
                    }
                    else
                    {
                        cuts[cut].Add((reader.GetString(1), counts));
                    }
                }
            }

            var money = new List<(string? Area, SourceMoney Money)>();
            await using (var command = Command(MoneySql, connection, region, from, to))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    money.Add((reader.IsDBNull(0) ? null : reader.GetString(0), new SourceMoney(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4))));
                }
            }

            var areas = cuts[1].Select(a => a.Key).Union(money.Where(m => m.Area is not null).Select(m => m.Area!)).Order(StringComparer.Ordinal)
                .Select(code => new AreaFigures(code, cuts[1].Where(a => a.Key == code).Select(a => a.Counts).FirstOrDefault(Empty), money.Where(m => m.Area == code).Select(m => m.Money).ToList()))
                .ToList();
            return new FiguresReport(region, from, to, total, money.Where(m => m.Area is null).Select(m => m.Money).ToList(),
                cuts[2].Select(c => new Cut(c.Key, null, c.Counts)).ToList(),
                cuts[3].Select(c => new Cut(c.Key, null, c.Counts)).ToList(),
                cuts[4].OrderBy(c => int.Parse(c.Key)).Select(c => new Cut(c.Key, buckets.Labels[int.Parse(c.Key)], c.Counts)).ToList(),
                areas);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly FigureCounts Empty = new(0, 0, 0, 0, 0, 0, 0);

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, string region, DateOnly from, DateOnly to)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("child_length", ChildLength(region.Length));
        command.Parameters.AddWithValue("prefix", region + "%");
        command.Parameters.AddWithValue("from", ChinaTime.StartOf(from));
        command.Parameters.AddWithValue("to", ChinaTime.StartOf(to.AddDays(1)));
        return command;
    }

    /// <summary>The next level down: city 4 → county 6 → town 9 → village 12.</summary>
    private static int ChildLength(int length) => length switch
    {
        <= 2 => 4,
        4 => 6,
        6 => 9,
        _ => 12,
    };
}
