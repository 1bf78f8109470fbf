using MassWork.Petitions.Data;
using MassWork.Petitions.Deadlines;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MassWork.Petitions.Figures;

/// <summary>
/// One pass over the region's cases in the period: filtered aggregates, rolled up to the total and
/// to each area one level down (towns of a county, villages of a town).
/// </summary>
public sealed class FiguresQuery(PetitionsDbContext db, TimeProvider time)
{
    private const string Sql = """
        SELECT left(region_code, @child_length) AS area,
               count(*),
               count(*) FILTER (WHERE status NOT IN ('NotAccepted', 'Registered', 'Assigned')),
               count(*) FILTER (WHERE status = 'NotAccepted'),
               count(*) FILTER (WHERE repeat_of_case_id IS NOT NULL AND NOT skip_level),
               count(*) FILTER (WHERE skip_level),
               count(*) FILTER (WHERE answered_at IS NOT NULL),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'Supported'),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'Explained'),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'NotSupported'),
               count(*) FILTER (WHERE answered_on_time),
               count(*) FILTER (WHERE satisfaction IS NOT NULL),
               count(*) FILTER (WHERE satisfaction IN ('Satisfied', 'BasicallySatisfied')),
               count(*) FILTER (WHERE status IN ('Closed', 'Terminated')),
               count(*) FILTER (WHERE status NOT IN ('NotAccepted', 'Closed', 'Terminated') AND registered_at < @backlog_before),
               count(*) FILTER (WHERE supervised_at IS NOT NULL),
               count(*) FILTER (WHERE mediation_step IS NOT NULL),
               count(*) FILTER (WHERE mediation_step IN ('Mediated', 'Settled')),
               count(*) FILTER (WHERE mediation_step = 'Settled'),
               count(*) FILTER (WHERE settled_level = 'Group'),
               count(*) FILTER (WHERE settled_level = 'Village'),
               count(*) FILTER (WHERE settled_level = 'Town')
        FROM cases
        WHERE region_code LIKE @prefix AND registered_at >= @from AND registered_at < @to
        GROUP BY ROLLUP (left(region_code, @child_length))
        ORDER BY area NULLS FIRST
        """;

    public async Task<FiguresReport> RunAsync(string region, DateOnly from, DateOnly to, int backlogDays, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.AddWithValue("child_length", ChildLength(region.Length));
            command.Parameters.AddWithValue("prefix", region + "%");
            command.Parameters.AddWithValue("from", DeadlineCalculator.EndOfLocalDay(from.AddDays(-1)));
            command.Parameters.AddWithValue("to", DeadlineCalculator.EndOfLocalDay(to));
            command.Parameters.AddWithValue("backlog_before", time.GetUtcNow().AddDays(-backlogDays));
            var total = PetitionFigures.Of(region, Empty);
            var areas = new List<PetitionFigures>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var counts = new long[21];
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] = reader.GetInt64(i + 1);
                }

                var figures = PetitionFigures.Of(reader.IsDBNull(0) ? region : reader.GetString(0), Counts(counts));
                if (reader.IsDBNull(0))
                {
                    total = figures;
                }
                else
                {
                    areas.Add(figures);
                }
            }

            return new FiguresReport(region, from, to, backlogDays, total, areas);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly FigureCounts Empty = Counts(new long[21]);

    private static FigureCounts Counts(long[] c) =>
        new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15], c[16], c[17], c[18], c[19], c[20]);

    /// <summary>The next level down: city 4 → county 6 → town 9 → village 12.</summary>
    private static int ChildLength(int length) => length switch
    {
        <= 2 => 4,
        4 => 6,
        6 => 9,
        _ => 12,
    };
}
