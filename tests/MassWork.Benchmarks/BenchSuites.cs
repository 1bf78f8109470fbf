namespace MassWork.Benchmarks;

/// <summary>Every benchmark suite by name, and the sizes the report runs them at.</summary>
public static class BenchSuites
{
    public static readonly string[] Names = ["personnel", "petitions", "notifications", "projects", "visits", "audit", "signin", "pipeline"];

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
            ["signin", "100", "16"], ["pipeline", "5000", "3"],
        ],
        ["city"] =
        [
            ["personnel", "1000000", "30000"], ["petitions", "200000", "20000", "32"], ["notifications", "1000000"],
            ["projects", "100000", "2000000", "20000", "32"], ["visits", "3000000", "10000000"], ["audit", "5000", "16"],
            ["signin", "400", "16"], ["pipeline", "20000", "3"],
        ],
    };

    /// <summary>The suite named first in <paramref name="args"/> with the sizes after it (defaults: the city's); null if there is none by that name.</summary>
    public static Func<CancellationToken, Task>? Create(string[] args, string repositoryRoot)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;
        return args.FirstOrDefault() switch
        {
            "personnel" => new PersonnelBenchmark(Arg(1, 1_000_000), Arg(2, 30_000), repositoryRoot).RunAsync,
            "petitions" => new PetitionsBenchmark(Arg(1, 200_000), Arg(2, 20_000), Arg(3, 32), repositoryRoot).RunAsync,
            "notifications" => new NotificationsBenchmark(Arg(1, 1_000_000)).RunAsync,
            "projects" => new ProjectsBenchmark(Arg(1, 100_000), Arg(2, 2_000_000), Arg(3, 20_000), Arg(4, 32), repositoryRoot).RunAsync,
            "visits" => new VisitsBenchmark(Arg(1, 3_000_000), Arg(2, 10_000_000), repositoryRoot).RunAsync,
            "audit" => new AuditBenchmark(Arg(1, 5_000), Arg(2, 16)).RunAsync,
            "signin" => new SignInBenchmark(Arg(1, 400), Arg(2, 16)).RunAsync,
            "pipeline" => new PipelineBenchmark(Arg(1, 20_000), Arg(2, 3)).RunAsync,
            _ => null,
        };
    }
}
