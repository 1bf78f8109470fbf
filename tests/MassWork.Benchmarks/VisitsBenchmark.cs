using MassWork.ServiceDefaults;
using MassWork.Visits.Data;
using MassWork.Visits.Figures;
using MassWork.Visits.Frequency;
using MassWork.Visits.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MassWork.Benchmarks;

/// <summary>
/// City scale for the visits service, through the real platform (AppHost with all services and the
/// gateway on a throwaway PostgreSQL and RabbitMQ; the visits database migrated by the service):
/// the read model (households, cadres of both ranks, pairings — one cadre per 30 households, a
/// tenth of the households doubly covered, some pairings begun or ended during the year) and a
/// finished year's visits with their cadres, households and photos loaded by binary COPY, then the
/// figures for a county and for the whole city through the gateway beside a plain join of the same
/// visits, then one frequency sweep of the city (the service's own sweeper class) near the year's end.
/// </summary>
public sealed class VisitsBenchmark(int households, int visits, string repositoryRoot)
{
    private const int VillagesPerTown = 10;
    private const int HouseholdsPerCadre = 30;
    private const string County = "360731";

    /// <summary>A finished year: every visit of it lies in the past and the figures read all of it.</summary>
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    private static readonly string[] Flags = ["TimeMismatch", "PlaceMismatch", "NoLocation", "Reused"];
    private static readonly string[] Surnames = ["钟", "刘", "陈", "赖", "黄", "曾", "谢", "李", "邱", "王"];
    private static readonly string[] Given = ["文华", "桂香", "春生", "德明", "秀英", "建国", "小平", "玉兰", "志强", "金凤"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var platform = await BenchPlatform.StartAsync(new Dictionary<string, string>
        {
            // The service's own sweeper runs once at start, on empty tables, and not again in the run: the sweep measured is the only one.
            ["Visits:SweepInterval"] = "1.00:00:00",
            // Likewise the villages' figures: the refresh measured after the load is the only one.
            ["Visits:FiguresRefreshInterval"] = "1.00:00:00",
        }, cancellationToken);
        var database = platform.Database;
        using var http = platform.Client(8, platform.Token("bench-leader", [Roles.Leader], "3607"), TimeSpan.FromMinutes(10));
        var villages = BenchData.Villages(repositoryRoot, VillagesPerTown);
        BenchReport.Line("platform", $"{villages.Count:N0} villages under {villages.Count / VillagesPerTown} real towns; year {Year}; {Environment.ProcessorCount} cores");

        var connectionString = database.Database("visitsdb");
        var stopwatch = Stopwatch.StartNew();
        var loaded = await LoadAsync(connectionString, villages, cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        BenchReport.Line("load (binary COPY)", $"{loaded.Rows:N0} rows in {seconds:N1} s = {loaded.Rows / seconds:N0} rows/s: {households:N0} households, {loaded.Cadres:N0} cadres, " +
            $"{loaded.Pairings:N0} pairings, {loaded.Visits:N0} visits, {loaded.VisitCadres:N0} visit cadres, {loaded.VisitHouseholds:N0} visit households, {loaded.Photos:N0} photos");
        stopwatch.Restart();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var table in new[] { "households", "cadres", "pairings", "visits", "visit_cadres", "visit_households", "visit_photos" })
            {
                await BenchData.ExecuteAsync(connection, $"VACUUM ANALYZE {table}", cancellationToken);
            }
        }

        BenchReport.Line("vacuum analyze", $"{stopwatch.Elapsed.TotalSeconds:N1} s");
        await RefreshAsync(connectionString, cancellationToken);

        foreach (var (name, region, target) in new[] { ($"county 于都县 {County}", County, 300), ("city 赣州市 3607", "3607", 2000) })
        {
            // The least any figure of the region costs: one pass over the period's visits of its households.
            var reference = await TimeAsync(5, () => BenchData.ScalarAsync(connectionString, $"""
                SELECT count(*) FROM visits v JOIN visit_households vh ON vh.visit_id = v.id
                WHERE vh.village_code LIKE '{region}%' AND v.visited_at >= '{ChinaTime.StartOf(new DateOnly(Year, 1, 1)):O}' AND v.visited_at < '{FrequencyRules.YearEnd(Year):O}'
                """, cancellationToken));
            BenchReport.Line($"reference join, {name}", $"median {reference.Median:N0} ms, max {reference.Max:N0} ms (5 runs, SQL only)");

            JsonElement total = default;
            (double Median, double Max) figures;
            try
            {
                figures = await TimeAsync(5, async () =>
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await http.GetAsync($"/api/visits/figures?region={region}&year={Year}", cancellationToken);
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new HttpRequestException($"{(int)response.StatusCode} after {watch.Elapsed.TotalSeconds:N1} s: {body}");
                    }

                    total = JsonDocument.Parse(body).RootElement.GetProperty("total").Clone();
                });
            }
            catch (HttpRequestException e)
            {
                // A request past the service's command timeout is a result too; the sweep is still measured.
                BenchReport.Line($"figures, {name}", $"failed: {e.Message}");
                BenchReport.Figure($"figures, {name}", $"failed: {e.Message}", target: $"< {target:N0} ms", met: false);
                continue;
            }

            BenchReport.Line($"figures, {name}", $"median {figures.Median:N0} ms, max {figures.Max:N0} ms (5 runs after one warm-up, through the gateway); target < {target:N0} ms; " +
                $"{figures.Median / Math.Max(1, reference.Median):N1}× the reference join");
            BenchReport.Figure($"figures, {name}", $"median {figures.Median:N0} ms", $"plain join of its visits {reference.Median:N0} ms",
                reference.Median / Math.Max(1, figures.Median), $"< {target:N0} ms", figures.Median < target);
            var (hh, contacts, cadres, days) = (total.GetProperty("households"), total.GetProperty("contacts"), total.GetProperty("cadres"), total.GetProperty("villageDays"));
            BenchReport.Line($"  what it said", $"households due {hh.GetProperty("due").GetInt64():N0}, visited {hh.GetProperty("visited").GetInt64():N0}, " +
                $"never {hh.GetProperty("neverVisitedThisYear").GetInt64():N0}; contacts {contacts.GetProperty("done").GetInt64():N0} of {contacts.GetProperty("required").GetInt64():N0}; " +
                $"days {days.GetProperty("done").GetInt64():N0} of {days.GetProperty("required").GetInt64():N0}; cadres behind {cadres.GetProperty("behind").GetInt64():N0} of {cadres.GetProperty("paired").GetInt64():N0}");
        }

        await SweepAsync(connectionString, cancellationToken);
    }

    /// <summary>
    /// One sweep of the whole city by the service's own <see cref="FrequencySweeper"/> at 10:00 on
    /// 20 December in Shanghai: the year's due-soon reminders (its window has opened), the previous
    /// year's overdue (no pairing was held then) and the third quarter's meetings (none were held).
    /// </summary>
    private static async Task SweepAsync(string connectionString, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<VisitsDbContext>(o => o.UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__ef_migrations_history")));
        await using var provider = services.BuildServiceProvider();
        var sweeper = new FrequencySweeper(provider.GetRequiredService<IServiceScopeFactory>(), new FixedClock(ChinaTime.StartOf(new DateOnly(Year, 12, 20)).AddHours(10)),
            Options.Create(new FrequencyOptions()), Options.Create(new VisitOptions()), provider.GetRequiredService<ILogger<FrequencySweeper>>());
        var stopwatch = Stopwatch.StartNew();
        var raised = await sweeper.SweepOnceAsync(cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT kind || ' ' || level || ' ' || count(*) FROM frequency_alerts GROUP BY kind, level ORDER BY kind, level", connection);
        var kinds = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                kinds.Add(reader.GetString(0));
            }
        }

        BenchReport.Line("frequency sweep, city (detect + raise)", $"{raised:N0} alerts raised in {seconds:N1} s ({string.Join(", ", kinds)})");
        BenchReport.Figure("frequency sweep, city", $"{raised:N0} alerts in {seconds:N1} s");
    }

    /// <summary>
    /// The villages' kept figures built from scratch, as the service's background refresh does it
    /// (<see cref="FiguresRefresher"/>, batches of 200 villages): every village the load queued, for
    /// every year it touched.
    /// </summary>
    private static async Task RefreshAsync(string connectionString, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<VisitsDbContext>(o => o.UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__ef_migrations_history")));
        services.AddSingleton<TimeProvider>(new FixedClock(ChinaTime.StartOf(new DateOnly(Year, 12, 31)).AddHours(20)));
        services.AddScoped<VillageFiguresRefresh>();
        await using var provider = services.BuildServiceProvider();
        var refresher = new FiguresRefresher(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(),
            Options.Create(new FiguresOptions()), provider.GetRequiredService<ILogger<FiguresRefresher>>());
        var stopwatch = Stopwatch.StartNew();
        var villages = await refresher.RefreshAllAsync(cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM village_figures", connection);
        var rows = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        BenchReport.Line("village figures refresh, whole city", $"{villages:N0} villages in {seconds:N1} s ({rows:N0} village × period rows)");
        BenchReport.Figure("village figures refresh, whole city", $"{villages:N0} villages in {seconds:N1} s");
    }

    private sealed record Loaded(long Households, long Cadres, long Pairings, long Visits, long VisitCadres, long VisitHouseholds, long Photos)
    {
        public long Rows => Households + Cadres + Pairings + Visits + VisitCadres + VisitHouseholds + Photos;
    }

    /// <summary>A pairing: its cadre and household by number, and the instants it began and ended (null: before the year, still running).</summary>
    private readonly record struct Pairing(int Cadre, int Household, DateTimeOffset Started, DateTimeOffset? Ended);

    /// <summary>
    /// Households spread over the villages in order, cadre c paired with households 30c to 30c + 29
    /// from the first instant of the year (the programme's round begins with it), every tenth
    /// household also paired with the next cadre; one pairing in twenty begins during the year
    /// and one in twenty ends during it.
    /// </summary>
    private IEnumerable<Pairing> Pairings(int cadres)
    {
        var yearStart = ChinaTime.StartOf(new DateOnly(Year, 1, 1));
        for (var h = 0; h < households; h++)
        {
            foreach (var cadre in h % 10 == 0 ? new[] { h / HouseholdsPerCadre, (h / HouseholdsPerCadre + 1) % cadres } : [h / HouseholdsPerCadre])
            {
                var roll = (h * 7 + cadre) % 20;
                var day = new DateOnly(Year, 1, 1).AddDays(30 + (h * 13 + cadre) % 300);
                yield return roll switch
                {
                    0 => new Pairing(cadre, h, ChinaTime.StartOf(day).AddHours(9), null),
                    1 => new Pairing(cadre, h, yearStart, ChinaTime.StartOf(day).AddHours(17)),
                    _ => new Pairing(cadre, h, yearStart, null),
                };
            }
        }
    }

    /// <summary>
    /// The read model, then the visits: each pairing gets its share of them on random days of the
    /// span it was held (a few pairings in twenty-five fewer than three, so the sweep finds some
    /// behind), the rest spread once more over the pairings; mostly at home, a fifth by phone, some
    /// meetings and group talks with the neighbouring household too, one in twenty with a second
    /// cadre; aid on some, a photo on two in five of those in person, a few photos flagged.
    /// </summary>
    private async Task<Loaded> LoadAsync(string connectionString, IReadOnlyList<string> villages, CancellationToken cancellationToken)
    {
        var random = new Random(17);
        var cadres = (households + HouseholdsPerCadre - 1) / HouseholdsPerCadre;
        var householdIds = new Guid[households];
        var cadreIds = new Guid[cadres];
        string Village(int household) => villages[(int)((long)household * villages.Count / households)];
        string Name(int n) => Surnames[n % Surnames.Length] + Given[n / Surnames.Length % Given.Length];
        var updatedAt = ChinaTime.StartOf(new DateOnly(Year, 1, 1)).AddDays(-10);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY households (id, household_number, village_code, group_id, head_name, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var h = 0; h < households; h++)
            {
                householdIds[h] = Guid.CreateVersion7(updatedAt);
                var village = Village(h);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(householdIds[h], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync($"{village}{h:D8}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(village, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteNullAsync(cancellationToken);
                await writer.WriteAsync(Name(h), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY cadres (id, name, rank, region_code, user_id, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var c = 0; c < cadres; c++)
            {
                cadreIds[c] = Guid.CreateVersion7(updatedAt);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(cadreIds[c], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(Name(c * 7 + 3), NpgsqlDbType.Varchar, cancellationToken);
                // One cadre in eight is section-level (科级以上) and owes 10 days in the village rather than 5.
                await writer.WriteAsync(c % 8 == 0 ? FrequencyPolicy.SectionLevelRank : "General", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(Village(c * HouseholdsPerCadre)[..9] + "000", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteNullAsync(cancellationToken);
                await writer.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        long pairings = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY pairings (id, kind, household_id, cadre_id, village_code, started_at, ended_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var p in Pairings(cadres))
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(p.Started), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync("FullCoverage", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(householdIds[p.Household], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(cadreIds[p.Cadre], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(Village(p.Household), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(p.Started, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(p.Ended, NpgsqlDbType.TimestampTz, cancellationToken);
                pairings++;
            }

            await writer.CompleteAsync(cancellationToken);
        }

        // Four connections, so the server writes the four tables (and their indexes) side by side while this process generates the rows.
        var connections = new NpgsqlConnection[4];
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i] = new NpgsqlConnection(connectionString);
            await connections[i].OpenAsync(cancellationToken);
        }

        long written = 0, visitCadres = 0, visitHouseholds = 0, photos = 0;
        try
        {
            await using var visitWriter = await connections[0].BeginBinaryImportAsync(
                "COPY visits (id, client_id, recorded_by, recorded_at, visited_at, mode, late_entry, notes, policy_topics, aid_cash_fen, aid_goods, services_done, " +
                "place_accuracy_metres, place_latitude, place_longitude) FROM STDIN (FORMAT BINARY)", cancellationToken);
            await using var cadreWriter = await connections[1].BeginBinaryImportAsync("COPY visit_cadres (visit_id, cadre_id) FROM STDIN (FORMAT BINARY)", cancellationToken);
            await using var householdWriter = await connections[2].BeginBinaryImportAsync(
                "COPY visit_households (visit_id, household_id, village_code, contact_card_handed_over) FROM STDIN (FORMAT BINARY)", cancellationToken);
            await using var photoWriter = await connections[3].BeginBinaryImportAsync(
                "COPY visit_photos (id, visit_id, sha256, format, bytes, file_name, width, height, captured_at, latitude, longitude, distance_metres, flags, " +
                "reused_from_visit_id, uploaded_by, uploaded_at) FROM STDIN (FORMAT BINARY)", cancellationToken);

            async Task VisitAsync(Pairing p)
            {
                var first = p.Started > ChinaTime.StartOf(new DateOnly(Year, 1, 1)) ? ChinaTime.LocalDate(p.Started) : new DateOnly(Year, 1, 1);
                var last = p.Ended is { } end ? ChinaTime.LocalDate(end) : new DateOnly(Year, 12, 31);
                var day = first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
                // One visit in a hundred close to midnight in Shanghai, on either side of it.
                var minutes = random.Next(100) == 0 ? (random.Next(2) == 0 ? 5 : 23 * 60 + 50) : 8 * 60 + random.Next(12 * 60);
                var at = ChinaTime.StartOf(day).AddMinutes(minutes).AddSeconds(random.Next(60));
                var roll = random.Next(100);
                var mode = roll < 70 ? VisitMode.Home : roll < 90 ? VisitMode.Phone : roll < 97 ? VisitMode.Meeting : VisitMode.GroupTalk;
                var id = Guid.CreateVersion7(at);
                var cash = random.Next(10) == 0 ? 20_000L * (1 + random.Next(5)) : 0;
                var goods = random.Next(20) == 0 ? $"[{{\"name\":\"大米\",\"quantity\":{1 + random.Next(3)},\"valueFen\":{12_000 * (1 + random.Next(3))}}}]" : "[]";
                var placed = mode != VisitMode.Phone && random.Next(10) < 6;
                await visitWriter.StartRowAsync(cancellationToken);
                await visitWriter.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await visitWriter.WriteAsync(written.ToString("x"), NpgsqlDbType.Varchar, cancellationToken);
                await visitWriter.WriteAsync($"cadre-{p.Cadre}", NpgsqlDbType.Varchar, cancellationToken);
                await visitWriter.WriteAsync(at.AddHours(2), NpgsqlDbType.TimestampTz, cancellationToken);
                await visitWriter.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await visitWriter.WriteAsync(mode.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await visitWriter.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                await visitWriter.WriteAsync(roll % 3 == 0 ? "了解家庭收入和子女上学情况" : null, NpgsqlDbType.Varchar, cancellationToken);
                await visitWriter.WriteAsync(roll % 4 == 0 ? new[] { "医保政策" } : [], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await visitWriter.WriteAsync(cash, NpgsqlDbType.Bigint, cancellationToken);
                await visitWriter.WriteAsync(goods, NpgsqlDbType.Jsonb, cancellationToken);
                await visitWriter.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await visitWriter.WriteAsync(placed ? 10.0 : (double?)null, NpgsqlDbType.Double, cancellationToken);
                await visitWriter.WriteAsync(placed ? 25.4 + random.NextDouble() : (double?)null, NpgsqlDbType.Double, cancellationToken);
                await visitWriter.WriteAsync(placed ? 114.5 + random.NextDouble() : (double?)null, NpgsqlDbType.Double, cancellationToken);
                written++;

                foreach (var cadre in random.Next(20) == 0 ? new[] { p.Cadre, (p.Cadre + 1) % cadreIds.Length } : [p.Cadre])
                {
                    await cadreWriter.StartRowAsync(cancellationToken);
                    await cadreWriter.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await cadreWriter.WriteAsync(cadreIds[cadre], NpgsqlDbType.Uuid, cancellationToken);
                    visitCadres++;
                }

                var neighbour = p.Household + 1 < households && Village(p.Household + 1) == Village(p.Household);
                foreach (var household in mode is VisitMode.Meeting or VisitMode.GroupTalk && neighbour ? new[] { p.Household, p.Household + 1 } : [p.Household])
                {
                    await householdWriter.StartRowAsync(cancellationToken);
                    await householdWriter.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await householdWriter.WriteAsync(householdIds[household], NpgsqlDbType.Uuid, cancellationToken);
                    await householdWriter.WriteAsync(Village(household), NpgsqlDbType.Varchar, cancellationToken);
                    await householdWriter.WriteAsync(random.Next(50) == 0, NpgsqlDbType.Boolean, cancellationToken);
                    visitHouseholds++;
                }

                if (mode != VisitMode.Phone && random.Next(5) < 2)
                {
                    var flagged = random.Next(20) == 0;
                    await photoWriter.StartRowAsync(cancellationToken);
                    await photoWriter.WriteAsync(Guid.CreateVersion7(at.AddHours(2)), NpgsqlDbType.Uuid, cancellationToken);
                    await photoWriter.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await photoWriter.WriteAsync(Convert.ToHexStringLower(id.ToByteArray()) + Convert.ToHexStringLower(id.ToByteArray()), NpgsqlDbType.Char, cancellationToken);
                    await photoWriter.WriteAsync("Jpeg", NpgsqlDbType.Varchar, cancellationToken);
                    await photoWriter.WriteAsync(1_800_000L + random.Next(1_000_000), NpgsqlDbType.Bigint, cancellationToken);
                    await photoWriter.WriteAsync($"IMG_{written:D8}.jpg", NpgsqlDbType.Varchar, cancellationToken);
                    await photoWriter.WriteAsync(4000, NpgsqlDbType.Integer, cancellationToken);
                    await photoWriter.WriteAsync(3000, NpgsqlDbType.Integer, cancellationToken);
                    await photoWriter.WriteAsync(flagged ? at.AddHours(-30) : at, NpgsqlDbType.TimestampTz, cancellationToken);
                    await photoWriter.WriteAsync(placed ? 25.4 : (double?)null, NpgsqlDbType.Double, cancellationToken);
                    await photoWriter.WriteAsync(placed ? 114.5 : (double?)null, NpgsqlDbType.Double, cancellationToken);
                    await photoWriter.WriteAsync(placed ? 12.5 : (double?)null, NpgsqlDbType.Double, cancellationToken);
                    await photoWriter.WriteAsync(flagged ? new[] { Flags[random.Next(Flags.Length)] } : [], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                    await photoWriter.WriteNullAsync(cancellationToken);
                    await photoWriter.WriteAsync($"cadre-{p.Cadre}", NpgsqlDbType.Varchar, cancellationToken);
                    await photoWriter.WriteAsync(at.AddHours(2), NpgsqlDbType.TimestampTz, cancellationToken);
                    photos++;
                }
            }

            var share = (double)visits / pairings;
            var index = 0;
            foreach (var p in Pairings(cadres))
            {
                // A pairing in twenty-five gets fewer than three visits; the others their share, rounded at random.
                var count = index++ % 25 == 0 ? random.Next(3) : (int)share + (random.NextDouble() < share - (int)share ? 1 : 0);
                for (var k = 0; k < count && written < visits; k++)
                {
                    await VisitAsync(p);
                }
            }

            // What the first pass left over goes once more round the pairings, one visit each.
            while (written < visits)
            {
                foreach (var p in Pairings(cadres))
                {
                    if (written == visits)
                    {
                        break;
                    }

                    await VisitAsync(p);
                }
            }

            await visitWriter.CompleteAsync(cancellationToken);
            await cadreWriter.CompleteAsync(cancellationToken);
            await householdWriter.CompleteAsync(cancellationToken);
            await photoWriter.CompleteAsync(cancellationToken);
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }

        return new Loaded(households, cadres, pairings, written, visitCadres, visitHouseholds, photos);
    }

    private static async Task<(double Median, double Max)> TimeAsync(int runs, Func<Task> run)
    {
        await run();
        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return (timings[timings.Count / 2], timings[^1]);
    }


    /// <summary>The sweeper's clock, standing at the instant the sweep is measured at.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
