using System.Runtime.InteropServices;
using MassWork.Benchmarks;

// dotnet run -c Release --project tests/MassWork.Benchmarks -- personnel [households] [cadres]
var suite = args.FirstOrDefault() ?? "personnel";

// Ctrl+C or SIGTERM cancels the run, so the PostgreSQL it started is stopped and its folder removed.
using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

var repositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
switch (suite)
{
    case "personnel":
        var households = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        var cadres = args.Length > 2 ? int.Parse(args[2]) : 30_000;
        Console.WriteLine($"Personnel benchmark: {households:N0} households, {cadres:N0} cadres, {Environment.ProcessorCount} cores");
        try
        {
            await new PersonnelBenchmark(households, cadres, repositoryRoot).RunAsync(stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
    default:
        Console.Error.WriteLine($"Unknown suite '{suite}'. Suites: personnel");
        return 2;
}
