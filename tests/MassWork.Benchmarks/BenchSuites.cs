namespace MassWork.Benchmarks;

/// <summary>Every benchmark suite by name, and the sizes the report runs them at.</summary>
public static class BenchSuites
{
    /// <summary>
    /// The report's runs: <c>quick</c> (about 40 minutes on two cores: personnel at a million
    /// households, every other suite on a smaller city) and <c>city</c> (the sizes the platform is
    /// planned for, several hours).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[][]> Sizes = new Dictionary<string, string[][]>
    {
        ["quick"] =
        [
            ["personnel", "1000000", "30000"], ["petitions", "50000", "5000", "32"], ["notifications", "100000"],
            ["projects", "10000", "200000", "2000", "32"], ["visits", "20000", "60000"], ["audit", "2000", "16"],
            ["signin", "100", "16"], ["pipeline", "5000", "3"], ["console", "30"],
        ],
        ["city"] =
        [
            ["personnel", "1000000", "30000"], ["petitions", "200000", "20000", "32"], ["notifications", "1000000"],
            ["projects", "100000", "2000000", "20000", "32"], ["visits", "3000000", "10000000"], ["audit", "5000", "16"],
            ["signin", "400", "16"], ["pipeline", "20000", "3"], ["console", "100"],
        ],
    };

    /// <summary>Each suite by name, made from the sizes after its name (defaults: the city's).</summary>
    private static readonly Dictionary<string, Func<Func<int, int, int>, string, Func<CancellationToken, Task>>> Suites = new()
    {
        ["personnel"] = (arg, root) => new PersonnelBenchmark(arg(1, 1_000_000), arg(2, 30_000), root).RunAsync,
        ["petitions"] = (arg, root) => new PetitionsBenchmark(arg(1, 200_000), arg(2, 20_000), arg(3, 32), root).RunAsync,
        ["notifications"] = (arg, _) => new NotificationsBenchmark(arg(1, 1_000_000)).RunAsync,
        ["projects"] = (arg, root) => new ProjectsBenchmark(arg(1, 100_000), arg(2, 2_000_000), arg(3, 20_000), arg(4, 32), root).RunAsync,
        ["visits"] = (arg, root) => new VisitsBenchmark(arg(1, 3_000_000), arg(2, 10_000_000), root).RunAsync,
        ["audit"] = (arg, _) => new AuditBenchmark(arg(1, 5_000), arg(2, 16)).RunAsync,
        ["signin"] = (arg, _) => new SignInBenchmark(arg(1, 400), arg(2, 16)).RunAsync,
        ["gateway"] = (arg, _) => new GatewayBenchmark(arg(1, 20_000)).RunAsync,
        ["pipeline"] = (arg, _) => new PipelineBenchmark(arg(1, 20_000), arg(2, 3)).RunAsync,
        ["console"] = (arg, _) => new ConsoleBenchmark(arg(1, 30)).RunAsync,
    };

    public static IEnumerable<string> Names => Suites.Keys;

    /// <summary>The suite named first in <paramref name="args"/> with the sizes after it; null if there is none by that name.</summary>
    public static Func<CancellationToken, Task>? Create(string[] args, string repositoryRoot) =>
        args.FirstOrDefault() is { } name && Suites.TryGetValue(name, out var make)
            ? make((index, fallback) => args.Length > index ? int.Parse(args[index]) : fallback, repositoryRoot)
            : null;
}
