namespace MassWork.Benchmarks;

/// <summary>
/// A benchmark's report: one line per step as it runs, and the figures the report table holds
/// (<see cref="BenchFigure"/>), printed as a table when the run ends and written to
/// docs/benchmarks.md by the <c>report</c> suite.
/// </summary>
public static class BenchReport
{
    private static readonly List<BenchFigure> Collected = [];

    /// <summary>The suite running now and the command that runs it alone, stamped on each figure it records.</summary>
    public static (string Suite, string Command) Current { get; set; } = ("", "");

    public static IReadOnlyList<BenchFigure> Figures => Collected;

    public static void Line(string what, string result) => Console.WriteLine($"{what,-40} {result}");

    /// <summary>
    /// Records a figure for the table: what was measured, its value, the same-run reference and the
    /// ratio between them (higher is better: a rate over the reference's rate, or the reference's
    /// time over this one's), and the target with whether it was met.
    /// </summary>
    public static void Figure(string what, string measured, string? reference = null, double? ratio = null, string? target = null, bool? met = null) =>
        Collected.Add(new BenchFigure(Current.Suite, what, measured, reference, ratio, target, met, Current.Command));
}

/// <summary>One row of the benchmark report's table.</summary>
public sealed record BenchFigure(string Suite, string What, string Measured, string? Reference, double? Ratio, string? Target, bool? Met, string Command);
