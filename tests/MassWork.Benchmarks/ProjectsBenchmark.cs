using System.Net;

namespace MassWork.Benchmarks;

/// <summary>
/// City scale for the projects service, through the real platform (AppHost with all services and
/// the gateway on a throwaway PostgreSQL and RabbitMQ): the given number of projects with their
/// milestones, ledger entries and source totals loaded by binary COPY (entries consistent with the
/// totals and the pooled fund), then the figures query for a county and for the whole city, then
/// ledger writes (budget, allocation, payment) through the gateway at the given concurrency, and
/// last a check in SQL that every project's and source's totals equal its entries and keep
/// paid ≤ allocated ≤ budget, and the pooled fund never allocated more than it holds.
/// </summary>
public sealed class ProjectsBenchmark(int projects, int entries, int writes, int concurrency, string repositoryRoot)
{
    private const int VillagesPerTown = 10;
    private const int WriteTargets = 500;
    private static readonly string[] Categories = ["Road", "Water", "DrinkingWater", "Sanitation", "School", "ElderlyCare", "HousingRepair", "Industry", "Other"];
    private static readonly string[] OtherSources = ["TownFund", "PooledAid", "Villagers", "HigherLevel", "Donation"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var platform = await BenchPlatform.StartAsync(null, cancellationToken);
        var database = platform.Database;
        using var http = platform.Client(concurrency, platform.Token("bench-clerk", [Roles.TownStaff, Roles.Leader], "3607"));
        var villages = BenchData.Villages(repositoryRoot, VillagesPerTown);
        BenchReport.Line("platform", $"{villages.Count:N0} villages under {villages.Count / VillagesPerTown} real towns; {Environment.ProcessorCount} cores");

        var connectionString = database.Database("projectsdb");
        var stopwatch = Stopwatch.StartNew();
        var loaded = await LoadAsync(connectionString, villages, cancellationToken);
        BenchReport.Line("load (binary COPY)", $"{projects:N0} projects, {loaded.Milestones:N0} milestones, {loaded.Entries:N0} ledger entries, {loaded.Balances:N0} source totals " +
            $"in {stopwatch.Elapsed.TotalSeconds:N1} s");
        BenchReport.Line("invariants after the load", await InvariantsAsync(connectionString, cancellationToken));

        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-366)).ToString("yyyy-MM-dd");
        foreach (var (name, query, target) in new[]
        {
            ("figures, county 于都县", $"/api/projects/figures?region=360731&from={from}", (double?)null),
            ("figures, city 赣州市", $"/api/projects/figures?region=3607&from={from}", 1000),
        })
        {
            var (median, best) = await BenchLoad.TimeGetAsync(http, query, cancellationToken);
            BenchReport.Line(name, $"median {median:N0} ms, best {best:N0} ms (5 runs after one warm-up, through the gateway)");
            BenchReport.Figure(name, $"median {median:N0} ms", target: target is { } t ? $"< {t:N0} ms" : null, met: target is { } limit ? median < limit : null);
        }

        var (warmedUp, _) = await WriteAsync(http, loaded.WriteTargets, Math.Min(500, writes), "warm-up", cancellationToken);
        var (created, written) = await WriteAsync(http, loaded.WriteTargets, writes, "ledger writes through the gateway", cancellationToken);
        BenchReport.Line("invariants after the writes", await InvariantsAsync(connectionString, cancellationToken));
        var total = await BenchData.ScalarAsync(connectionString, "SELECT count(*) FROM ledger_entries", cancellationToken);
        BenchReport.Line("entries", $"{total:N0} in the ledger = {loaded.Entries:N0} loaded + {warmedUp + created:N0} written with 201 (warm-up included)");
        if (total != loaded.Entries + warmedUp + created)
        {
            throw new InvalidOperationException("The ledger does not hold exactly the entries answered 201.");
        }

        BenchReport.Figure("ledger writes through the gateway, invariants held", $"{written.PerSecond:N0} writes/s at concurrency {concurrency}, {written.Percentiles}");
    }

    /// <summary>
    /// Budget (10%), allocation (30%) and payment (60%) entries of the city's 三送 funds on projects under
    /// way, spread over the targets; an entry the totals cannot take is refused with 409, which is
    /// the ledger doing its job. Returns how many were written (201).
    /// </summary>
    private async Task<(long Created, LoadResult Load)> WriteAsync(HttpClient http, IReadOnlyList<Guid> targets, int count, string label, CancellationToken cancellationToken)
    {
        var load = await BenchLoad.RunAsync(count, concurrency, (_, cancellationToken) =>
        {
            var project = targets[Random.Shared.Next(targets.Count)];
            var roll = Random.Shared.Next(10);
            object body = roll == 0 ? new { kind = "Budget", source = "CityFund", amountFen = 200_000 }
                : roll <= 3 ? new { kind = "Allocation", source = "CityFund", amountFen = 100_000 }
                : new { kind = "Payment", source = "CityFund", amountFen = 30_000 + Random.Shared.Next(0, 20_000), payee = "于都县路桥工程有限公司", note = "进度款" };
            return http.PostAsJsonAsync($"/api/projects/{project}/ledger", body, cancellationToken);
        }, cancellationToken);
        var (created, refused, failed) = (load.Answered(HttpStatusCode.Created), load.Answered(HttpStatusCode.Conflict), load.Other(HttpStatusCode.Created, HttpStatusCode.Conflict));
        BenchReport.Line(label, $"{count:N0} POST /api/projects/{{id}}/ledger in {load.Seconds:N1} s = {load.PerSecond:N0} writes/s at concurrency {concurrency} " +
            $"({created:N0} written = {created / load.Seconds:N0}/s, {refused:N0} refused 409 by the totals); {load.Percentiles}; {failed} failed");
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} ledger writes failed.");
        }

        return (created, load);
    }

    private sealed record Loaded(long Milestones, long Entries, long Balances, IReadOnlyList<Guid> WriteTargets);

    private sealed class Totals
    {
        public long Budget;
        public long Allocated;
        public long Paid;
    }

    /// <summary>
    /// Projects over the villages and the last year in plausible proportions of stage, category and
    /// size; two milestones each from approval on; ledger entries spread over the projects with money
    /// (budget, allocations in quarters, payments, now and then a reversed payment), so that the
    /// totals written beside them are exactly their sums. PooledAid allocations come from one city fund.
    /// </summary>
    private async Task<Loaded> LoadAsync(string connectionString, IReadOnlyList<string> villages, CancellationToken cancellationToken)
    {
        var random = new Random(13);
        var now = DateTimeOffset.UtcNow;
        var fund = Guid.CreateVersion7();
        var stages = new string[projects];
        var withMoney = 0;
        for (var i = 0; i < projects; i++)
        {
            stages[i] = (i % 100) switch
            {
                < 8 => "Proposed",
                < 18 => "Approved",
                < 55 => "UnderWay",
                < 70 => "Accepted",
                < 95 => "Published",
                < 98 => "Rejected",
                _ => "Cancelled",
            };
            withMoney += stages[i] is "Approved" or "UnderWay" or "Accepted" or "Published" ? 1 : 0;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await BenchData.ExecuteAsync(connection, $"INSERT INTO pooled_funds (id, name, region_code, deposited_fen, allocated_fen, created_at, created_by) VALUES ('{fund}', '赣州市帮扶资金统筹池', '3607', 0, 0, now(), 'bench')", cancellationToken);

        var ids = new Guid[projects];
        var sources = new string[projects][];
        var costs = new long[projects];
        var proposed = new DateTimeOffset[projects];
        long milestones = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY projects (id, title, category, region_code, proposer, linked_demand_ids, beneficiary_household_ids, beneficiary_count, estimated_cost_fen, stage, reason, " +
            "approval_chain, funding, council_members, council_signed_by, proposed_at, proposed_by, approved_at, started_at, accepted_at, published_at, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var i = 0; i < projects; i++)
            {
                var at = now - TimeSpan.FromDays(i % 365) - TimeSpan.FromHours(i % 24);
                var cost = (i % 20) switch
                {
                    < 8 => 1_000_000 + random.NextInt64(0, 4_000_000),
                    < 17 => 5_000_001 + random.NextInt64(0, 45_000_000),
                    _ => 50_000_001 + random.NextInt64(0, 150_000_000),
                };
                var stage = stages[i];
                var extra = OtherSources[i % OtherSources.Length];
                sources[i] = i % 3 == 0 ? ["CityFund", extra] : ["CityFund", extra, OtherSources[(i + 2) % OtherSources.Length]];
                var shares = sources[i].Select((_, k) => k == 0 ? cost - cost / 3 * (sources[i].Length - 1) : cost / 3).ToArray();
                var villagers = Array.IndexOf(sources[i], "Villagers");
                var funding = string.Join(",", sources[i].Select((s, k) =>
                    $"{{\"source\":\"{s}\",\"amountFen\":{shares[k]},\"labourPersonDays\":{(k == villagers ? 100 : 0)},\"labourValueFen\":{(k == villagers ? 1_200_000 : 0)},\"note\":null}}"));
                var chain = cost <= 5_000_000 ? "[{\"level\":\"Town\",\"roles\":[\"town-staff\",\"leader\"]}]"
                    : cost <= 50_000_000 ? "[{\"level\":\"Town\",\"roles\":[\"town-staff\",\"leader\"]},{\"level\":\"County\",\"roles\":[\"leader\"]}]"
                    : "[{\"level\":\"Town\",\"roles\":[\"town-staff\",\"leader\"]},{\"level\":\"County\",\"roles\":[\"leader\"]},{\"level\":\"City\",\"roles\":[\"leader\"]}]";
                var span = now - at;
                DateTimeOffset? Step(int rank, params string[] from) => from.Contains(stage) ? at + span * (rank / 6.0) : null;
                ids[i] = Guid.CreateVersion7(at);
                costs[i] = cost;
                proposed[i] = at;
                var council = villagers >= 0 ? new[] { "钟德明", "刘春生", "陈桂花" } : Array.Empty<string>();
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync($"基准项目{i}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(Categories[i % Categories.Length], NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(villages[(int)((i * 7919L) % villages.Count)], NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(i % 4 == 0 ? "Town" : "VillageCommittee", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(i % 2 == 0 ? new[] { Guid.CreateVersion7(at) } : Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(20 + i % 180, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(cost, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(stage, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(stage is "Rejected" or "Cancelled" ? "基准：不予立项或取消" : null, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(chain, NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync($"[{funding}]", NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(council, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(stage is "Accepted" or "Published" ? council.Take(2).ToArray() : Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync("bench", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(Step(1, "Approved", "UnderWay", "Accepted", "Published", "Cancelled"), NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Step(2, "UnderWay", "Accepted", "Published"), NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Step(4, "Accepted", "Published"), NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(Step(5, "Published"), NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(at + span * 0.9, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY milestones (id, project_id, name, weight, due_date, progress_percent, created_at, created_by) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < projects; i++)
            {
                if (stages[i] is "Proposed" or "Rejected")
                {
                    continue;
                }

                var done = stages[i] is "Accepted" or "Published";
                foreach (var (name, weight, k) in new[] { ("路基", 1, 0), ("主体工程", 3, 1) })
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(Guid.CreateVersion7(proposed[i]), NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(name, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(weight, NpgsqlDbType.Integer, cancellationToken);
                    // A tenth of the done projects finished after their last milestone was due.
                    await writer.WriteAsync(DateOnly.FromDateTime(proposed[i].UtcDateTime).AddDays(i % 10 == 0 ? 30 + k : 400 + k), NpgsqlDbType.Date, cancellationToken);
                    await writer.WriteAsync(done ? 100 : stages[i] == "UnderWay" ? (i * 37 + k * 11) % 101 : 0, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(proposed[i], NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync("bench", NpgsqlDbType.Varchar, cancellationToken);
                    milestones++;
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var balances = new Dictionary<(int Project, string Source), Totals>();
        long written = 0, pooled = 0;
        var perProject = entries / Math.Max(1, withMoney);
        var remainder = entries % Math.Max(1, withMoney);
        var seen = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY ledger_entries (id, project_id, region_code, kind, source, amount_fen, fund_id, payee, note, reverses_entry_id, recorded_at, recorded_by) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var i = 0; i < projects; i++)
            {
                if (stages[i] is not ("Approved" or "UnderWay" or "Accepted" or "Published"))
                {
                    continue;
                }

                var n = perProject + (seen++ < remainder ? 1 : 0);
                var payments = stages[i] != "Approved";
                var region = villages[(int)((i * 7919L) % villages.Count)];
                var at = proposed[i];
                var step = (now - at) / (n + 2);
                var lastPayment = (Id: Guid.Empty, Source: "", Fen: 0L);
                async Task EntryAsync(Guid id, string kind, string source, long fen, Guid? reverses = null)
                {
                    at += step;
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(region, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(kind, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(source, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(fen, NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(kind == "Allocation" && source == "PooledAid" ? fund : (Guid?)null, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(kind == "Payment" ? $"承建单位{i % 997}" : null, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(kind == "Reversal" ? "收款单位有误，冲销" : null, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(reverses, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync("bench", NpgsqlDbType.Varchar, cancellationToken);
                    written++;
                }

                var own = sources[i];
                // Half the estimate budgeted at first; supplementary budgets (追加预算) fill the rest, never past it (the approved amount).
                var budget = own.Select((_, k) => (k == 0 ? costs[i] - costs[i] / 3 * (own.Length - 1) : costs[i] / 3) / 2).ToArray();
                var budgeted = budget.Sum();
                foreach (var (source, k) in own.Select((s, k) => (s, k)))
                {
                    balances[(i, source)] = new Totals { Budget = budget[k] };
                    await EntryAsync(Guid.CreateVersion7(at), "Budget", source, budget[k]);
                }

                for (var e = own.Length; e < n; e++)
                {
                    var source = own[e % own.Length];
                    var t = balances[(i, source)];
                    var pay = Math.Max(1, t.Budget / 64);
                    if (payments && lastPayment.Fen > 0 && (i + e) % 29 == 0)
                    {
                        var reversed = balances[(i, lastPayment.Source)];
                        reversed.Paid -= lastPayment.Fen;
                        await EntryAsync(Guid.CreateVersion7(at), "Reversal", lastPayment.Source, lastPayment.Fen, lastPayment.Id);
                        lastPayment = (Guid.Empty, "", 0);
                    }
                    else if (t.Allocated < t.Budget && (!payments || t.Allocated - t.Paid < pay || e % 5 == 0))
                    {
                        var fen = Math.Min(Math.Max(1, t.Budget / 4), t.Budget - t.Allocated);
                        t.Allocated += fen;
                        pooled += source == "PooledAid" ? fen : 0;
                        await EntryAsync(Guid.CreateVersion7(at), "Allocation", source, fen);
                    }
                    else if (payments && t.Allocated - t.Paid >= pay)
                    {
                        var id = Guid.CreateVersion7(at);
                        t.Paid += pay;
                        await EntryAsync(id, "Payment", source, pay);
                        lastPayment = (id, source, pay);
                    }
                    else if (Math.Min(Math.Max(1, t.Budget / 8), costs[i] - budgeted) is var fen and > 0)
                    {
                        // 追加预算: a supplementary budget when the source is spent, within the approved amount.
                        t.Budget += fen;
                        budgeted += fen;
                        await EntryAsync(Guid.CreateVersion7(at), "Budget", source, fen);
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY source_balances (project_id, source, budget_fen, allocated_fen, paid_fen) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var ((project, source), t) in balances)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(ids[project], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(source, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(t.Budget, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(t.Allocated, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(t.Paid, NpgsqlDbType.Bigint, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        // The fund holds what was allocated from it and 10 million yuan more.
        await BenchData.ExecuteAsync(connection, $"""
            INSERT INTO fund_deposits (id, fund_id, unit_name, amount_fen, recorded_at, recorded_by) VALUES ('{Guid.CreateVersion7()}', '{fund}', '市直挂点单位', {pooled + 1_000_000_000}, now(), 'bench');
            UPDATE pooled_funds SET deposited_fen = {pooled + 1_000_000_000}, allocated_fen = {pooled} WHERE id = '{fund}';
            """, cancellationToken);
        foreach (var table in new[] { "projects", "milestones", "ledger_entries", "source_balances" })
        {
            await BenchData.ExecuteAsync(connection, $"VACUUM ANALYZE {table}", cancellationToken);
        }

        var targets = Enumerable.Range(0, projects).Where(i => stages[i] == "UnderWay").Take(WriteTargets).Select(i => ids[i]).ToList();
        return new Loaded(milestones, written, balances.Count, targets);
    }

    /// <summary>
    /// Every project's and source's totals against the sum of its entries (a reversal counts as minus
    /// the entry it reverses), the rule paid ≤ allocated ≤ budget, every project's budgets within its
    /// approved amount (its estimate), and each pooled fund's allocations
    /// against its totals and deposits.
    /// </summary>
    private static async Task<string> InvariantsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var broken = await BenchData.ScalarAsync(connectionString, """
            WITH effects AS (
                SELECT e.project_id, e.source, coalesce(r.kind, e.kind) AS kind, CASE WHEN e.kind = 'Reversal' THEN -e.amount_fen ELSE e.amount_fen END AS delta
                FROM ledger_entries e LEFT JOIN ledger_entries r ON r.id = e.reverses_entry_id),
            sums AS (
                SELECT project_id, source, coalesce(sum(delta) FILTER (WHERE kind = 'Budget'), 0) AS budget,
                       coalesce(sum(delta) FILTER (WHERE kind = 'Allocation'), 0) AS allocated, coalesce(sum(delta) FILTER (WHERE kind = 'Payment'), 0) AS paid
                FROM effects GROUP BY project_id, source)
            SELECT count(*) FROM source_balances b FULL JOIN sums s ON s.project_id = b.project_id AND s.source = b.source
            WHERE b.project_id IS NULL OR s.project_id IS NULL OR b.budget_fen <> s.budget OR b.allocated_fen <> s.allocated OR b.paid_fen <> s.paid
               OR b.paid_fen < 0 OR b.paid_fen > b.allocated_fen OR b.allocated_fen > b.budget_fen
            """, cancellationToken);
        var funds = await BenchData.ScalarAsync(connectionString, """
            SELECT count(*) FROM pooled_funds f
            WHERE f.allocated_fen > f.deposited_fen
               OR f.deposited_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM fund_deposits d WHERE d.fund_id = f.id)
               OR f.allocated_fen <> (SELECT coalesce(sum(CASE WHEN e.kind = 'Reversal' THEN -e.amount_fen ELSE e.amount_fen END), 0) FROM ledger_entries e WHERE e.fund_id = f.id)
            """, cancellationToken);
        var overApproved = await BenchData.ScalarAsync(connectionString, """
            SELECT count(*) FROM projects p JOIN (SELECT project_id, sum(budget_fen) AS budget FROM source_balances GROUP BY project_id) b ON b.project_id = p.id
            WHERE b.budget > p.estimated_cost_fen
            """, cancellationToken);
        var totals = await BenchData.ScalarAsync(connectionString, "SELECT count(*) FROM source_balances", cancellationToken);
        if (broken > 0 || funds > 0 || overApproved > 0)
        {
            throw new InvalidOperationException($"Invariants broken: {broken} project/source totals, {funds} pooled funds, {overApproved} projects budgeted past their approved amount.");
        }

        return $"held: all {totals:N0} project/source totals equal their entries and keep paid ≤ allocated ≤ budget, every project's budgets within its approved amount; the pooled fund within its deposits " +
            $"(checked in {watch.Elapsed.TotalSeconds:N1} s)";
    }
}
