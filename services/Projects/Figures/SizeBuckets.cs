namespace MassWork.Projects.Figures;

/// <summary>
/// Projects by estimated cost in three buckets with inclusive upper bounds (default 5万元以内,
/// 5–50万元, 50万元以上). <see cref="FiguresQuery"/> hands PostgreSQL's width_bucket the
/// <see cref="Thresholds"/>, which put each cost in the same bucket as <see cref="Of"/>.
/// </summary>
public sealed record SizeBuckets(long SmallUpToFen, long MediumUpToFen)
{
    public static SizeBuckets From(ProjectsOptions options) => new(options.SmallUpToFen, options.MediumUpToFen);

    /// <summary>0 small, 1 medium, 2 large.</summary>
    public int Of(long costFen) => costFen <= SmallUpToFen ? 0 : costFen <= MediumUpToFen ? 1 : 2;

    /// <summary>The lower bounds of the medium and large buckets: a cost reaching one is in that bucket or above.</summary>
    public long[] Thresholds => [SmallUpToFen + 1, MediumUpToFen + 1];

    /// <summary>The buckets' names as the board and the reports read them.</summary>
    public string[] Labels => [$"{Yuan(SmallUpToFen)}以内", $"{Yuan(SmallUpToFen)}–{Yuan(MediumUpToFen)}", $"{Yuan(MediumUpToFen)}以上"];

    public static string Yuan(long fen) => fen % 1_000_000 == 0 ? $"{fen / 1_000_000}万元" : fen % 100 == 0 ? $"{fen / 100}元" : $"{fen / 100}.{fen % 100:00}元";
}
