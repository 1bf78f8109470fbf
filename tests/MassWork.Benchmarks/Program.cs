using System.Runtime.InteropServices;
using MassWork.Benchmarks;

// dotnet run -c Release --project tests/MassWork.Benchmarks -- personnel [households] [cadres]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- petitions [cases] [intake requests] [concurrency]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- notifications [households]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- projects [projects] [ledger entries] [ledger writes] [concurrency]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- visits [households] [visits]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- audit [households] [concurrency]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- signin [accounts] [concurrency]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- pipeline [events] [rounds]
var suite = args.FirstOrDefault() ?? "personnel";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;

// Ctrl+C or SIGTERM cancels the run, so the servers it started are stopped and their folders removed.
using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

var repositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
Func<CancellationToken, Task>? run = suite switch
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
if (run is null)
{
    Console.Error.WriteLine($"Unknown suite '{suite}'. Suites: personnel, petitions, notifications, projects, visits, audit, signin, pipeline");
    return 2;
}

Console.WriteLine($"{suite} benchmark ({string.Join(" ", args.Skip(1))}) on {Environment.ProcessorCount} cores");
try
{
    await run(stop.Token);
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
    return 130;
}
