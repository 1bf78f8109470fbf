using System.Runtime.InteropServices;

namespace MassWork.Benchmarks;

/// <summary>
/// docs/benchmarks.md: the machine and the sizes, then the table of every figure so far. Rewritten
/// after each suite, so a run cut short still leaves what it measured.
/// </summary>
public sealed class BenchReportFile(string path, string sizes)
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public string Path => path;

    public void Write(IReadOnlyList<BenchFigure> figures)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark report");
        text.AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project tests/MassWork.Benchmarks -- report " + sizes + "`; do not edit by hand.");
        text.AppendLine($"Run started {_started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):N0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
            $"sizes `{sizes}` ({string.Join("; ", BenchSuites.Sizes[sizes].Select(run => string.Join(" ", run)))}).");
        text.AppendLine();
        text.AppendLine("Each figure is measured beside its reference in the same run, on the same servers, so the ratio");
        text.AppendLine("holds better than the absolute figure on a shared machine. Ratio: higher is better (a rate over the");
        text.AppendLine("reference's rate, or the reference's time over this one's). What each suite does: README, \"Benchmarks\".");
        text.AppendLine();
        text.Append(BenchTable.Markdown(figures));
        File.WriteAllText(path, text.ToString());
    }
}
