namespace MassWork.Benchmarks;

/// <summary>A benchmark's report, one line per figure: what was measured, then what it came to.</summary>
public static class BenchReport
{
    public static void Line(string what, string result) => Console.WriteLine($"{what,-40} {result}");
}
