using MassWork.Petitions.Categories;

namespace MassWork.Benchmarks;

/// <summary>
/// City scale for the petitions service, through the real platform (AppHost with all services and
/// the gateway on a throwaway PostgreSQL and RabbitMQ): intake requests/s through the gateway, then
/// the figures query for a county and for the whole city over the given number of cases (the rest
/// of them added with one set-based INSERT).
/// </summary>
public sealed class PetitionsBenchmark(int cases, int intakes, int concurrency, string repositoryRoot)
{
    private const int VillagesPerTown = 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var platform = await BenchPlatform.StartAsync(null, cancellationToken);
        var database = platform.Database;
        var token = platform.Token("bench-clerk", [Roles.TownStaff, Roles.Leader], "3607");
        using var http = platform.Client(concurrency, token);
        var villages = BenchData.Villages(repositoryRoot, VillagesPerTown);
        BenchReport.Line("platform", $"{villages.Count:N0} villages under {villages.Count / VillagesPerTown} real towns; {Environment.ProcessorCount} cores");

        await WarmUpAsync(http, villages, Math.Min(1_000, intakes), concurrency, cancellationToken);
        var petitions = database.Database("petitionsdb");
        var before = await PgBenchReference.InsertsAsync(petitions, cancellationToken);
        var measured = CpuMark.Now();
        var cpu = ProcessCpu.Now();
        var intake = await IntakeAsync(http, villages, intakes, concurrency, "intake through the gateway", cancellationToken);
        BenchReport.Line("re-compiling during the intake", $"{CpuMark.Now().RecompilingSince(measured):P0} of the busy CPU");
        BenchReport.Line("CPU during the intake", ProcessCpu.Now().PerUnit(cpu, intakes));
        var written = PgBenchReference.PerRequest(before, await PgBenchReference.InsertsAsync(petitions, cancellationToken), intakes);
        await QuietAsync("after the intake", cancellationToken);
        // What the intake's events cost the consumers (acknowledgement SMS, audit, read models) after the last response.
        BenchReport.Line("CPU until quiet again", ProcessCpu.Now().PerUnit(cpu, intakes));
        var reference = ProcessCpu.Now();
        const int PgBenchSeconds = 20;
        var tps = await PgBenchReference.TransactionsPerSecondAsync(petitions, written, concurrency, PgBenchSeconds, cancellationToken);
        // pgbench's connections end with it: the machine's figure holds their CPU, the processes' does not.
        BenchReport.Line("CPU during pgbench", ProcessCpu.Now().PerUnit(reference, (int)(tps * PgBenchSeconds)));
        BenchReport.Line("intake vs pgbench", $"{intake.PerSecond / tps:P0} ({intake.PerSecond:N0} requests/s vs {tps:N0} transactions/s; target ≥ 60 %)");
        BenchReport.Figure($"intake through the gateway ({concurrency} connections)", $"{intake.PerSecond:N0} requests/s, {intake.Percentiles}",
            $"pgbench, the same inserts: {tps:N0} transactions/s", intake.PerSecond / tps, "≥ 60 %", intake.PerSecond / tps >= 0.6);
        await GatewayBenchmark.CompareAsync(platform, token, intakes, cancellationToken);

        var stopwatch = Stopwatch.StartNew();
        var added = await SeedAsync(petitions, villages, cases - (int)await BenchData.ScalarAsync(petitions, "SELECT count(*) FROM cases", cancellationToken), cancellationToken);
        BenchReport.Line("bulk seed (one INSERT … SELECT)", $"{added:N0} cases in {stopwatch.Elapsed.TotalSeconds:N1} s; {await BenchData.ScalarAsync(petitions, "SELECT count(*) FROM cases", cancellationToken):N0} cases in all");

        foreach (var (name, query) in new[]
        {
            ("figures, county 于都县", "/api/petitions/figures?region=360731&from=2025-01-01"),
            ("figures, city 赣州市", "/api/petitions/figures?region=3607&from=2025-01-01"),
            ("ledger page 1, county 于都县", "/api/petitions/ledger?region=360731&pageSize=50"),
        })
        {
            var (median, best) = await BenchLoad.TimeGetAsync(http, query, cancellationToken);
            BenchReport.Line(name, $"median {median:N0} ms, best {best:N0} ms (5 runs after one warm-up, through the gateway)");
            BenchReport.Figure(name, $"median {median:N0} ms");
        }
    }

    /// <summary>
    /// At least three intake batches, then more until two in a row run within 10 % of each other and
    /// the runtimes spend at most 5 % of the busy CPU re-compiling (at most twelve): every service,
    /// and every consumer the intake's events reach, JIT-compiles and re-compiles its hot paths for
    /// the first minutes, and that is not the rate a town sees all day. Then the machine is let go quiet.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient http, IReadOnlyList<string> villages, int batch, int concurrency, CancellationToken cancellationToken)
    {
        var last = 0.0;
        await BenchLoad.WarmUpAsync("intake", 12, async round =>
        {
            var rate = (await IntakeAsync(http, villages, batch, concurrency, $"warm-up {round}", cancellationToken)).PerSecond;
            var steady = round >= 3 && Math.Abs(rate - last) <= 0.1 * rate;
            last = rate;
            return steady;
        });
        await QuietAsync("after the warm-up", cancellationToken);
    }

    private static async Task QuietAsync(string when, CancellationToken cancellationToken) =>
        BenchReport.Line($"quiet {when}", $"machine ≥ 70 % idle after {(await BenchLoad.WaitForQuietAsync(cancellationToken)).TotalSeconds:N0} s");

    private static async Task<LoadResult> IntakeAsync(HttpClient http, IReadOnlyList<string> villages, int count, int concurrency, string label, CancellationToken cancellationToken)
    {
        var categories = DefaultCategories.All.Select(c => c.Code).ToArray();
        var channels = new[] { "WalkIn", "Letter", "Phone", "Hotline", "Online", "Visit" };
        var load = await BenchLoad.RunAsync(count, concurrency, (i, cancellationToken) =>
        {
            var body = new
            {
                channel = channels[i % channels.Length],
                matterType = i % 10 == 0 ? "Dispute" : i % 7 == 0 ? "Suggestion" : "Request",
                categoryCode = categories[i % categories.Length],
                regionCode = villages[Random.Shared.Next(villages.Count)],
                petitioner = new { name = "基准测试", phone = $"139{Random.Shared.Next(0, 100_000_000):D8}" },
                content = "村组道路破损严重，雨天无法通行，请求修复。",
            };
            return http.PostAsJsonAsync("/api/petitions/cases", body, cancellationToken);
        }, cancellationToken);
        var failures = load.Failed;
        BenchReport.Line(label, $"{count:N0} POST /api/petitions/cases in {load.Seconds:N1} s = {load.PerSecond:N0} requests/s at concurrency {concurrency}; " +
            $"{load.Percentiles}; {failures} failed");
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} intake requests failed.");
        }

        return load;
    }

    /// <summary>Cases spread over the villages and the last year, with statuses, outcomes and revisits in plausible proportions.</summary>
    private static async Task<long> SeedAsync(string connectionString, IReadOnlyList<string> villages, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return 0;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO cases (id, number, channel, matter_type, category_code, work_order_class, region_code, level, petitioner_name, representatives,
                               content, attachments, status, not_accepted_reason, repeat_of_case_id, repeat_count, skip_level, extended, reopens, review_stage,
                               outcome, opinion, answered_at, answered_on_time, satisfaction, revisited_at, closed_at, supervised_at, mediation_step, mediation_parties, settled_level,
                               registered_at, registered_by, updated_at)
            SELECT gen_random_uuid(), 'BENCH-' || g, (ARRAY['Visit','WalkIn','Letter','Phone','Hotline','Online'])[1 + g % 6],
                   CASE WHEN g % 10 = 0 THEN 'Dispute' WHEN g % 7 = 0 THEN 'Suggestion' ELSE 'Request' END,
                   (@categories)[1 + g % cardinality(@categories)], 'General', (@villages)[1 + (g * 7919) % cardinality(@villages)], 'Town', '基准', 1,
                   '基准数据', '[]', s.status,
                   CASE WHEN s.status = 'NotAccepted' THEN '重复反映' END,
                   CASE WHEN s.status = 'NotAccepted' AND g % 3 = 0 THEN gen_random_uuid() END,
                   0, s.status = 'NotAccepted' AND g % 6 = 0, false, 0, 'None',
                   CASE WHEN s.answered THEN (ARRAY['Supported','Supported','Supported','Explained','Explained','NotSupported'])[1 + g % 6] END,
                   CASE WHEN s.answered THEN '已答复' END,
                   CASE WHEN s.answered THEN s.at + interval '20 days' END,
                   CASE WHEN s.answered THEN g % 9 <> 0 END,
                   CASE WHEN s.status IN ('Closed','Terminated') THEN (ARRAY['Satisfied','Satisfied','Satisfied','Satisfied','Satisfied','Satisfied','Satisfied','BasicallySatisfied','BasicallySatisfied','Dissatisfied'])[1 + g % 10] END,
                   CASE WHEN s.status IN ('Closed','Terminated') THEN s.at + interval '40 days' END,
                   CASE WHEN s.status IN ('Closed','Terminated') THEN s.at + interval '40 days' END,
                   CASE WHEN g % 40 = 0 THEN s.at + interval '61 days' END,
                   CASE WHEN g % 10 = 0 AND s.status NOT IN ('Registered','Assigned','NotAccepted') THEN (ARRAY['Investigated','Mediated','Settled','Settled'])[1 + g % 4] END,
                   '{}'::text[],
                   CASE WHEN g % 10 = 0 AND s.status NOT IN ('Registered','Assigned','NotAccepted') AND g % 4 >= 2 THEN (ARRAY['Group','Village','Town'])[1 + g % 3] END,
                   s.at, 'bench', s.at
            FROM generate_series(1, @count) AS g
            CROSS JOIN LATERAL (
                SELECT now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour' AS at,
                       CASE WHEN g % 100 < 4 THEN 'Registered' WHEN g % 100 < 7 THEN 'Assigned' WHEN g % 100 < 20 THEN 'InProgress'
                            WHEN g % 100 < 26 THEN 'Answered' WHEN g % 100 < 88 THEN 'Closed' WHEN g % 100 < 97 THEN 'NotAccepted' ELSE 'Terminated' END AS status
            ) AS s0
            CROSS JOIN LATERAL (SELECT s0.at, s0.status, s0.status IN ('Answered','Closed','Terminated') AS answered) AS s
            """, connection);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("categories", DefaultCategories.All.Select(c => c.Code).ToArray());
        command.Parameters.AddWithValue("villages", villages.ToArray());
        command.Parameters.AddWithValue("count", count);
        var inserted = await command.ExecuteNonQueryAsync(cancellationToken);
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE cases", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return inserted;
    }
}
