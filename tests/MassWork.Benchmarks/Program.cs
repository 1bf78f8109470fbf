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
// dotnet run -c Release --project tests/MassWork.Benchmarks -- console [dashboard loads]
// dotnet run -c Release --project tests/MassWork.Benchmarks -- report [quick|city]   (every suite; writes docs/benchmarks.md)
string[] suiteArgs = args.Length == 0 ? ["personnel"] : args;

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
try
{
    if (suiteArgs[0] == "report")
    {
        var sizes = args.ElementAtOrDefault(1) ?? "quick";
        if (!BenchSuites.Sizes.TryGetValue(sizes, out var runs))
        {
            Console.Error.WriteLine($"Unknown sizes '{sizes}'. Sizes: {string.Join(", ", BenchSuites.Sizes.Keys)}");
            return 2;
        }

        // A suite that fails is a row of the report saying so; the suites after it still run.
        var report = new BenchReportFile(Path.Combine(repositoryRoot, "docs", "benchmarks.md"), sizes);
        var failed = 0;
        foreach (var run in runs)
        {
            try
            {
                await RunAsync(run);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                failed++;
                Console.Error.WriteLine($"{run[0]} failed: {e}");
                BenchReport.Figure("the suite", $"failed: {e.Message}", met: false);
            }

            report.Write(BenchReport.Figures);
        }

        Console.WriteLine();
        Console.WriteLine(BenchTable.Markdown(BenchReport.Figures));
        Console.WriteLine($"Report written to {report.Path}; {failed} suite(s) failed.");
        return failed == 0 ? 0 : 1;
    }

    if (!await RunAsync(suiteArgs))
    {
        return 2;
    }

    Console.WriteLine();
    Console.WriteLine(BenchTable.Markdown(BenchReport.Figures));
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
    return 130;
}

async Task<bool> RunAsync(string[] run)
{
    var start = BenchSuites.Create(run, repositoryRoot);
    if (start is null)
    {
        Console.Error.WriteLine($"Unknown suite '{run.FirstOrDefault()}'. Suites: {string.Join(", ", BenchSuites.Names)}, report");
        return false;
    }

    BenchReport.Current = (run[0], $"dotnet run -c Release --project tests/MassWork.Benchmarks -- {string.Join(" ", run)}");
    Console.WriteLine($"{run[0]} benchmark ({string.Join(" ", run.Skip(1))}) on {Environment.ProcessorCount} cores; {MachineMemory.Describe()}");
    await start(stop.Token);
    return true;
}
