namespace MassWork.Benchmarks;

/// <summary>The report's figures as a Markdown table: figure, measured, same-run reference, ratio, target, the command that measures it.</summary>
public static class BenchTable
{
    public static string Markdown(IEnumerable<BenchFigure> figures)
    {
        var table = new StringBuilder();
        table.AppendLine("| Suite | Figure | Measured | Same-run reference | Ratio | Target | Met | Command |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var f in figures)
        {
            var ratio = f.Ratio is { } r ? r.ToString(r >= 10 ? "N0" : "0.00", CultureInfo.InvariantCulture) : "";
            var met = f.Met switch { true => "yes", false => "**no**", null => "" };
            table.AppendLine($"| {f.Suite} | {Cell(f.What)} | {Cell(f.Measured)} | {Cell(f.Reference)} | {ratio} | {Cell(f.Target)} | {met} | `{f.Command}` |");
        }

        return table.ToString();
    }

    private static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal);
}
