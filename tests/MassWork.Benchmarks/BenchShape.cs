namespace MassWork.Benchmarks;

/// <summary>
/// A benchmark's data checked against the shape it claims, before anything is timed: a timing taken
/// on data that is not what the report says (no pairings that count, say) is worse than none.
/// </summary>
public static class BenchShape
{
    /// <summary>Throws, naming the figure, unless <paramref name="actual"/> lies within [<paramref name="min"/>, <paramref name="max"/>]; reports it otherwise.</summary>
    public static void Require(string what, double actual, double min, double max)
    {
        var text = actual.ToString("0.###", CultureInfo.InvariantCulture);
        if (double.IsNaN(actual) || actual < min || actual > max)
        {
            throw new InvalidOperationException(
                $"Benchmark data is not the shape it claims: {what} is {text}, expected {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}. Nothing was timed on it.");
        }

        BenchReport.Line($"shape: {what}", $"{text} (expected {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)})");
    }
}
