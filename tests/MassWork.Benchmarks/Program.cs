using MassWork.Benchmarks;

// dotnet run -c Release --project tests/MassWork.Benchmarks -- personnel [households] [cadres]
var suite = args.FirstOrDefault() ?? "personnel";
var repositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
switch (suite)
{
    case "personnel":
        var households = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        var cadres = args.Length > 2 ? int.Parse(args[2]) : 30_000;
        Console.WriteLine($"Personnel benchmark: {households:N0} households, {cadres:N0} cadres, {Environment.ProcessorCount} cores");
        await new PersonnelBenchmark(households, cadres, repositoryRoot).RunAsync();
        return 0;
    default:
        Console.Error.WriteLine($"Unknown suite '{suite}'. Suites: personnel");
        return 2;
}
