namespace MassWork.Benchmarks;

/// <summary>
/// What the gateway costs a request: the petitions suite runs it after its intake; on its own
/// (<c>gateway N</c>) it starts the platform and compares N requests a round.
/// </summary>
public sealed class GatewayBenchmark(int requests)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var platform = await BenchPlatform.StartAsync(null, cancellationToken);
        await CompareAsync(platform, platform.Token("bench-clerk", [Roles.TownStaff, Roles.Leader], "3607"), requests, cancellationToken);
    }

    private const double RoundSeconds = 8;

    /// <summary>
    /// The same GET (the category list every intake screen loads) through the gateway and straight to
    /// the petitions service, 32 connections each. After warm-up rounds of each, until the proxy's and
    /// the service's paths are no longer being re-compiled, seven pairs of rounds, the pair's order
    /// swapped each time; the gateway's cost is the median of the pairs' ratios. Pairs close in time
    /// see the same machine: on two shared cores the rate drifts by a third within a minute, which a
    /// ratio of rounds far apart would take for the gateway's doing. Each round lasts about
    /// <see cref="RoundSeconds"/>: a round of a second or two is decided by which path a telemetry
    /// export or another service's timer happens to land in.
    /// </summary>
    internal static async Task CompareAsync(BenchPlatform platform, string token, int requests, CancellationToken cancellationToken)
    {
        const int Connections = 32;
        const int Pairs = 7;
        const string Query = "/api/petitions/categories";
        using var gateway = platform.Client(Connections, token);
        using var direct = platform.Client(Connections, token, address: platform.ServiceAddress("MassWork.Petitions"));
        var lastWarmUp = new Dictionary<string, double>();
        async Task<double> RoundAsync(string name, HttpClient http, int count, bool measured = false)
        {
            var cpu = measured ? ProcessCpu.Now() : null;
            var load = await BenchLoad.RunAsync(count, Connections, (_, cancellationToken) => http.GetAsync(Query, cancellationToken), cancellationToken);
            if (load.Failed > 0)
            {
                throw new InvalidOperationException($"{load.Failed} GET {Query} ({name}) failed.");
            }

            if (cpu is not null)
            {
                BenchReport.Line($"  {name}", ProcessCpu.Now().PerUnit(cpu, count));
            }

            return load.PerSecond;
        }

        await BenchLoad.WarmUpAsync("GET", 6, async _ =>
        {
            lastWarmUp["gateway"] = await RoundAsync("gateway", gateway, requests);
            lastWarmUp["direct"] = await RoundAsync("direct", direct, requests);
        });
        // Both paths make the same number of requests a round, as many as the slower did in RoundSeconds.
        var perRound = Math.Max(1_000, (int)(lastWarmUp.Values.Min() * RoundSeconds));
        BenchReport.Line("quiet before the GET comparison", $"machine ≥ 70 % idle after {(await BenchLoad.WaitForQuietAsync(cancellationToken)).TotalSeconds:N0} s");
        var rates = new Dictionary<string, List<double>> { ["gateway"] = [], ["direct"] = [] };
        var measured = CpuMark.Now();
        for (var pair = 1; pair <= Pairs; pair++)
        {
            var order = pair % 2 == 1 ? new[] { ("gateway", gateway), ("direct", direct) } : [("direct", direct), ("gateway", gateway)];
            foreach (var (name, http) in order)
            {
                rates[name].Add(await RoundAsync(name, http, perRound, measured: true));
            }

            BenchReport.Line($"GET pair {pair}",
                $"gateway {rates["gateway"][^1]:N0}, direct {rates["direct"][^1]:N0} requests/s ({perRound:N0} each) = {rates["gateway"][^1] / rates["direct"][^1]:P0}");
        }

        var paired = new PairedRates(rates["gateway"], rates["direct"]);
        BenchReport.Line("GET, gateway vs direct", $"{paired.Summary("pairs", "requests/s")}; target ≥ 80 %); re-compiling {CpuMark.Now().RecompilingSince(measured):P0} of the busy CPU");
        BenchReport.Figure($"GET {Query}, gateway vs direct ({Connections} connections)", $"{paired.SubjectRate:N0} requests/s",
            $"{paired.ReferenceRate:N0} requests/s direct", paired.Ratio, "≥ 80 %", paired.Ratio >= 0.8);
    }
}
