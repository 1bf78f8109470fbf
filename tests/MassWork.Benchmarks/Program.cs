using System.Runtime.InteropServices;
using MassWork.Benchmarks;

// dotnet run -c Release --project tests/MassWork.Benchmarks -- personnel [households] [cadres]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- petitions [cases] [intake requests] [concurrency]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- notifications [households]
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
    case "petitions":
        var cases = args.Length > 1 ? int.Parse(args[1]) : 200_000;
        var intakes = args.Length > 2 ? int.Parse(args[2]) : 20_000;
        var concurrency = args.Length > 3 ? int.Parse(args[3]) : 32;
        Console.WriteLine($"Petitions benchmark: {cases:N0} cases, {intakes:N0} intake requests at concurrency {concurrency}, {Environment.ProcessorCount} cores");
        try
        {
            await new PetitionsBenchmark(cases, intakes, concurrency, repositoryRoot).RunAsync(stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
    case "notifications":
        var recipients = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        Console.WriteLine($"Notifications benchmark: a broadcast to {recipients:N0} households through the SMS simulator, {Environment.ProcessorCount} cores");
        try
        {
            await new NotificationsBenchmark(recipients).RunAsync(stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
    default:
        Console.Error.WriteLine($"Unknown suite '{suite}'. Suites: personnel, petitions, notifications");
        return 2;
}
