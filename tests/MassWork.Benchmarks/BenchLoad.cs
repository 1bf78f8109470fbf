using System.Collections.Concurrent;
using System.Net;

namespace MassWork.Benchmarks;

/// <summary>What a load of requests came to: how many, how long, each one's latency (sorted) and the statuses answered.</summary>
public sealed record LoadResult(int Count, double Seconds, double[] Latencies, IReadOnlyDictionary<HttpStatusCode, int> Statuses)
{
    public double PerSecond => Count / Seconds;

    public int Answered(HttpStatusCode status) => Statuses.GetValueOrDefault(status);

    /// <summary>Requests not answered with a success (2xx).</summary>
    public int Failed => Statuses.Where(s => (int)s.Key is < 200 or >= 300).Sum(s => s.Value);

    /// <summary>Requests answered with none of the given statuses.</summary>
    public int Other(params HttpStatusCode[] expected) => Statuses.Where(s => !expected.Contains(s.Key)).Sum(s => s.Value);

    public string Percentiles => $"p50 {At(0.50):N0} ms, p95 {At(0.95):N0} ms, p99 {At(0.99):N0} ms";

    private double At(double quantile) => Latencies[Math.Min(Latencies.Length - 1, (int)(Latencies.Length * quantile))];
}

/// <summary>
/// Rates measured in pairs close in time, a subject's beside its reference's: on two shared cores the
/// rate drifts by a third within a minute, which a ratio of rounds far apart would charge to one side.
/// The figure is the median of the pairs' ratios.
/// </summary>
public sealed record PairedRates(IReadOnlyList<double> Subject, IReadOnlyList<double> Reference)
{
    public IReadOnlyList<double> Ratios { get; } = Subject.Zip(Reference, (s, r) => s / r).ToList();

    public double Ratio => BenchLoad.Median(Ratios);

    public double SubjectRate => BenchLoad.Median(Subject);

    public double ReferenceRate => BenchLoad.Median(Reference);

    /// <summary>E.g. "78 % (median of 7 pairs' ratios, 63 %–88 %; median rates 988 vs 1,220 requests/s".</summary>
    public string Summary(string pairs, string unit) =>
        $"{Ratio:P0} (median of {Ratios.Count} {pairs}' ratios, {Ratios.Min():P0}–{Ratios.Max():P0}; median rates {SubjectRate:N0} vs {ReferenceRate:N0} {unit}";
}

/// <summary>How the suites put load on the platform through the gateway, the same way each time.</summary>
public static class BenchLoad
{
    /// <summary>The middle of the values (the upper middle of an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Requests 0 … count−1, each made by <paramref name="send"/>, from <paramref name="concurrency"/> loops that take the next one as soon as theirs is answered.</summary>
    public static async Task<LoadResult> RunAsync(int count, int concurrency, Func<int, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var watch = Stopwatch.StartNew();
                using var response = await send(i, cancellationToken);
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            }
        }));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new LoadResult(count, seconds, latencies, statuses);
    }

    /// <summary>
    /// Waits until the machine is quiet (at least 70 % of its CPU idle over two seconds), at most
    /// five minutes: what one measurement set off (events still being consumed, SMS still being
    /// sent) must not be charged to the next. Returns how long it waited.
    /// </summary>
    public static async Task<TimeSpan> WaitForQuietAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var (idle, total) = CpuTimes();
        while (stopwatch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var (idleNow, totalNow) = CpuTimes();
            var share = (double)(idleNow - idle) / Math.Max(1, totalNow - total);
            (idle, total) = (idleNow, totalNow);
            if (share >= 0.7)
            {
                break;
            }
        }

        return stopwatch.Elapsed;
    }

    /// <summary>The machine's idle and total CPU time so far, in clock ticks (the first line of /proc/stat).</summary>
    internal static (long Idle, long Total) CpuTimes()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return (fields[3] + fields[4], fields.Sum());
    }

    /// <summary>
    /// Runs <paramref name="round"/> (numbered from 1) until the runtimes spend at most
    /// <see cref="CpuMark.Settled"/> of the busy CPU re-compiling during one that also reports its
    /// own measure steady (true), at most <paramref name="most"/> times, printing each round's share.
    /// </summary>
    public static async Task WarmUpAsync(string what, int most, Func<int, Task<bool>> round)
    {
        for (var i = 1; i <= most; i++)
        {
            var start = CpuMark.Now();
            var steady = await round(i);
            var recompiling = CpuMark.Now().RecompilingSince(start);
            BenchReport.Line($"{what} warm-up {i}", $"re-compiling {recompiling:P0} of the busy CPU");
            if (steady && recompiling <= CpuMark.Settled)
            {
                return;
            }
        }
    }

    /// <inheritdoc cref="WarmUpAsync(string, int, Func{int, Task{bool}})"/>
    public static Task WarmUpAsync(string what, int most, Func<int, Task> round) =>
        WarmUpAsync(what, most, async i =>
        {
            await round(i);
            return true;
        });

    /// <summary>A GET six times in a row: the first warms up, the five after are timed; their median and best, in ms.</summary>
    public static async Task<(double Median, double Best)> TimeGetAsync(HttpClient http, string query, CancellationToken cancellationToken)
    {
        var timings = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(query, cancellationToken);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        var measured = timings.Skip(1).Order().ToList();
        return (measured[measured.Count / 2], measured[0]);
    }
}

/// <summary>
/// A point in the machine's CPU time: how much was busy, and how much each .NET runtime's
/// tiered-compilation thread (".NET Tiered Com…", the one that re-compiles hot methods) had used. A
/// service keeps re-compiling for minutes after its first requests, and consumers only start when
/// events reach them; a rate measured meanwhile is the rate of a platform still warming up, not the
/// one a town sees all day.
/// </summary>
public sealed class CpuMark
{
    /// <summary>A platform re-compiling at most this share of the busy CPU is taken as warm.</summary>
    public const double Settled = 0.05;

    private readonly long _busy;
    private readonly Dictionary<string, long> _recompilers;

    private CpuMark(long busy, Dictionary<string, long> recompilers) => (_busy, _recompilers) = (busy, recompilers);

    public static CpuMark Now()
    {
        var (idle, total) = BenchLoad.CpuTimes();
        return new CpuMark(total - idle, RecompilerTicks());
    }

    /// <summary>
    /// The share of the CPU busy since <paramref name="start"/> that went to re-compiling. A runtime
    /// lets its compilation thread end when it has nothing to do and starts a new one later, so only
    /// threads alive now are counted: the figure is a lower bound.
    /// </summary>
    public double RecompilingSince(CpuMark start) =>
        (double)_recompilers.Sum(t => t.Value - start._recompilers.GetValueOrDefault(t.Key)) / Math.Max(1, _busy - start._busy);

    /// <summary>Each tiered-compilation thread's CPU so far, in clock ticks, by its /proc path.</summary>
    private static Dictionary<string, long> RecompilerTicks()
    {
        var ticks = new Dictionary<string, long>();
        foreach (var task in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])).SelectMany(TasksOf))
        {
            if (ProcCpu(task) is { } cpu && cpu.Name.StartsWith(".NET Tiered Com", StringComparison.Ordinal))
            {
                ticks[task] = cpu.Ticks;
            }
        }

        return ticks;
    }

    /// <summary>
    /// The name and CPU so far (user and system, in clock ticks of 1/100 s) of a process or thread
    /// (<c>/proc/&lt;pid&gt;</c> or its <c>task/&lt;tid&gt;</c>); null if it ended meanwhile.
    /// </summary>
    internal static (string Name, long Ticks)? ProcCpu(string path)
    {
        try
        {
            // utime and stime are fields 14 and 15; the name before them is in parentheses and may hold spaces.
            var stat = File.ReadAllText(Path.Combine(path, "stat"));
            var (open, close) = (stat.IndexOf('('), stat.LastIndexOf(')'));
            var fields = stat[(close + 2)..].Split(' ');
            return (stat[(open + 1)..close], long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> TasksOf(string process)
    {
        try
        {
            return Directory.GetDirectories(Path.Combine(process, "task"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
