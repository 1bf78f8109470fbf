using MassWork.Petitions.Cases;
using MassWork.Petitions.Deadlines;

namespace MassWork.Petitions.Figures;

/// <summary>
/// One pass over the region's cases in the period: filtered aggregates, grouped at once (GROUPING
/// SETS) into the total, each area one level down (towns of a county, villages of a town), and the
/// cuts by matter type, channel, holder and handler.
/// </summary>
public sealed class FiguresQuery(PetitionsDbContext db, TimeProvider time)
{
    private const int CountColumns = 25;

    private const string Sql = """
        SELECT CASE WHEN GROUPING(left(region_code, @child_length)) = 0 THEN 1
                    WHEN GROUPING(matter_type) = 0 THEN 2
                    WHEN GROUPING(channel) = 0 THEN 3
                    WHEN GROUPING(holder_kind, holder_code) = 0 THEN 4
                    WHEN GROUPING(ownership_handler_user_id) = 0 THEN 5
                    ELSE 0 END AS cut,
               CASE WHEN GROUPING(left(region_code, @child_length)) = 0 THEN left(region_code, @child_length)
                    WHEN GROUPING(matter_type) = 0 THEN matter_type
                    WHEN GROUPING(channel) = 0 THEN channel
                    WHEN GROUPING(holder_kind, holder_code) = 0 THEN holder_code
                    WHEN GROUPING(ownership_handler_user_id) = 0 THEN ownership_handler_user_id END AS key,
               CASE WHEN GROUPING(holder_kind, holder_code) = 0 THEN max(holder_name)
                    WHEN GROUPING(ownership_handler_user_id) = 0 THEN max(ownership_handler_name) END AS name,
               count(*),
               count(*) FILTER (WHERE status = ANY(@accepted)),
               count(*) FILTER (WHERE status = @not_accepted),
               count(*) FILTER (WHERE repeat_of_case_id IS NOT NULL AND NOT skip_level),
               count(*) FILTER (WHERE skip_level),
               count(*) FILTER (WHERE answered_at IS NOT NULL),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'Supported'),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'Explained'),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'NotSupported'),
               count(*) FILTER (WHERE answered_on_time),
               count(*) FILTER (WHERE satisfaction IS NOT NULL),
               count(*) FILTER (WHERE satisfaction = ANY(@satisfied)),
               count(*) FILTER (WHERE status = ANY(@finished)),
               count(*) FILTER (WHERE status = ANY(@open) AND registered_at < @backlog_before),
               count(*) FILTER (WHERE supervised_at IS NOT NULL),
               count(*) FILTER (WHERE mediation_step IS NOT NULL),
               count(*) FILTER (WHERE mediation_step IN ('Mediated', 'Settled')),
               count(*) FILTER (WHERE mediation_step = 'Settled'),
               count(*) FILTER (WHERE settled_level = 'Group'),
               count(*) FILTER (WHERE settled_level = 'Village'),
               count(*) FILTER (WHERE settled_level = 'Town'),
               count(*) FILTER (WHERE matter_type = @suggestion),
               count(*) FILTER (WHERE matter_type = @suggestion AND status = ANY(@accepted)),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = @adopted),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = @not_adopted)
        FROM cases
        WHERE region_code LIKE @prefix AND registered_at >= @from AND registered_at < @to
        GROUP BY GROUPING SETS ((), (left(region_code, @child_length)), (matter_type), (channel), (holder_kind, holder_code), (ownership_handler_user_id))
        ORDER BY cut, key NULLS FIRST
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
            command.Parameters.AddWithValue("accepted", CaseStatuses.Where(CaseStatuses.WasAccepted));
            command.Parameters.AddWithValue("not_accepted", nameof(CaseStatus.NotAccepted));
            command.Parameters.AddWithValue("finished", CaseStatuses.Where(CaseStatuses.Finished.Contains));
            command.Parameters.AddWithValue("open", CaseStatuses.Where(CaseStatuses.IsOpen));
            command.Parameters.AddWithValue("satisfied", Satisfactions.Content.Select(s => s.ToString()).ToArray());
            command.Parameters.AddWithValue("suggestion", nameof(MatterType.Suggestion));
            command.Parameters.AddWithValue("adopted", nameof(Outcome.Adopted));
            command.Parameters.AddWithValue("not_adopted", nameof(Outcome.NotAdopted));
            var total = PetitionFigures.Of(region, Empty);
            var cuts = Enumerable.Range(0, 6).Select(_ => new List<PetitionFigures>()).ToArray();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var counts = new long[CountColumns];
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] = reader.GetInt64(i + 3);
                }

                var cut = reader.GetInt32(0);
                var figures = PetitionFigures.Of(
                    cut == 0 ? region : reader.IsDBNull(1) ? null : reader.GetString(1),
                    Counts(counts),
                    reader.IsDBNull(2) ? null : reader.GetString(2));
                if (cut == 0)
                {
                    total = figures;
                }
                else
                {
                    cuts[cut].Add(figures);
                }
            }

            return new FiguresReport(region, from, to, backlogDays, total, cuts[1], cuts[2], cuts[3], cuts[4], cuts[5]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly FigureCounts Empty = Counts(new long[CountColumns]);

    private static FigureCounts Counts(long[] c) =>
        new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15], c[16], c[17], c[18], c[19], c[20], c[21], c[22], c[23], c[24]);

    /// <summary>The next level down: city 4 → county 6 → town 9 → village 12.</summary>
    private static int ChildLength(int length) => length switch
    {
        <= 2 => 4,
        4 => 6,
        6 => 9,
        _ => 12,
    };
}
