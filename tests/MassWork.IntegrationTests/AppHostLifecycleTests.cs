using MassWork.Testing.Servers;
using MassWork.Testing.Telemetry;
using Microsoft.Playwright;

namespace MassWork.IntegrationTests;

/// <summary>
/// `dotnet run --project AppHost` on its own: it starts local PostgreSQL and RabbitMQ, the five
/// services, the SMS simulator, the gateway and the dashboard; loads the demo town and its projects once; keeps data
/// between runs; brings back a crashed service; stops on Ctrl+C or SIGTERM leaving no process; and
/// a dependency that cannot start ends the run with its log instead of waiting forever. Told to run
/// without its dashboard, it sends the telemetry to the collector it is given.
/// </summary>
[Collection(Name)]
public sealed class AppHostLifecycleTests
{
    public const string Name = "apphost-lifecycle";
    private static readonly string[] Services = ["personnel", "visits", "petitions", "projects", "notifications"];

    [Fact]
    public async Task Runs_the_platform_with_its_dashboard_restarts_a_crashed_service_keeps_data_between_runs_and_leaves_nothing_behind()
    {
        var directory = TempFolder.Create("masswork-apphost-");
        var settings = new Dictionary<string, string> { ["AppHost:DataDir"] = Path.Combine(directory, "data") };
        long visits;
        try
        {
            await using (var appHost = AppHostProcess.Start(directory, settings))
            {
                await appHost.WaitHealthyAsync(TimeSpan.FromMinutes(5));

                var platform = ProcessTree.Platform(appHost.Pid);
                Assert.Contains(platform, pid => ProcessTree.Command(pid).Contains("postgres -D"));
                Assert.Contains(platform, pid => ProcessTree.Command(pid).Contains("beam.smp"));
                Assert.Contains(platform, pid => ProcessTree.Command(pid).StartsWith("epmd", StringComparison.Ordinal));
                var personnel = Assert.Single(platform, pid => ProcessTree.Command(pid).EndsWith("MassWork.Personnel", StringComparison.Ordinal));
                var demo = await DemoCoverageAsync(appHost);
                Assert.Equal(2000, demo.GetProperty("households").GetInt64());
                Assert.Equal(1.0, demo.GetProperty("coverageRate").GetDouble());
                await DemoProjectsInEveryStageAsync(appHost);
                visits = await DemoYearOfVisitsAsync(appHost);
                Assert.Contains("Dashboard:", appHost.Log);
                await DashboardListsTheServicesAsync(appHost, directory);
                // Nothing in the AppHost (its settings, its dashboard's resource service) is woken by every write the servers make.
                Assert.Empty(ProcessTree.WatchedFolders(appHost.Pid, directory));

                Posix.Signal(personnel, Posix.SIGKILL);
                await Eventually.HoldsAsync(async () =>
                    ProcessTree.Platform(appHost.Pid).Any(pid => pid != personnel && ProcessTree.Command(pid).EndsWith("MassWork.Personnel", StringComparison.Ordinal))
                    && await GatewayHealthyAsync(appHost), TimeSpan.FromMinutes(2), "personnel restarted and the gateway healthy again");
                Assert.Equal(2000, (await DemoCoverageAsync(appHost)).GetProperty("households").GetInt64());

                // The servers stopped cleanly, as pg_ctl stop and rabbitmqctl stop do (exit code 0): the host says so and brings them back.
                await ServerComesBackAsync(appHost, "postgres -D", Posix.SIGINT, "postgres");
                await ServerComesBackAsync(appHost, "beam.smp", Posix.SIGTERM, "messaging");
                Assert.Equal(2000, (await DemoCoverageAsync(appHost)).GetProperty("households").GetInt64());

                await StopsLeavingNothingAsync(appHost, Posix.SIGINT);
            }

            // A second run on the same folder: same data, same personal-data keys, no second demo town.
            var keys = await File.ReadAllTextAsync(Path.Combine(directory, "data", "personal-data-keys.json"));
            await using (var appHost = AppHostProcess.Start(directory, settings))
            {
                await appHost.WaitHealthyAsync(TimeSpan.FromMinutes(5));
                Assert.Equal(2000, (await DemoCoverageAsync(appHost)).GetProperty("households").GetInt64());
                await DemoProjectsInEveryStageAsync(appHost);
                Assert.Equal(visits, await DemoYearOfVisitsAsync(appHost));
                Assert.Equal(keys, await File.ReadAllTextAsync(Path.Combine(directory, "data", "personal-data-keys.json")));
                await StopsLeavingNothingAsync(appHost, Posix.SIGTERM);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task ServerComesBackAsync(AppHostProcess appHost, string command, int signal, string resource)
    {
        var server = Assert.Single(ProcessTree.Servers(appHost.Pid, command));
        Posix.Signal(server, signal);
        await Eventually.HoldsAsync(async () =>
            ProcessTree.Servers(appHost.Pid, command).Any(pid => pid != server)
            && await GatewayHealthyAsync(appHost), TimeSpan.FromMinutes(3), $"{resource} restarted and the gateway healthy again");
        Assert.Contains($"Server {resource} stopped", appHost.Log);
    }

    [Fact]
    public async Task Without_its_dashboard_the_platform_sends_its_telemetry_to_the_collector_it_is_given()
    {
        var directory = TempFolder.Create("masswork-apphost-");
        await using var collector = await TelemetrySink.StartAsync();
        try
        {
            await using var appHost = AppHostProcess.Start(directory, new Dictionary<string, string>
            {
                ["AppHost:DataDir"] = Path.Combine(directory, "data"),
                ["Demo:Enabled"] = "false",
                ["AppHost:Dashboard"] = "false",
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = collector.Address.ToString(),
            });
            await appHost.WaitHealthyAsync(TimeSpan.FromMinutes(5));
            // Refused for want of a token, and traced all the same: through the gateway to the service.
            using var http = new HttpClient { BaseAddress = appHost.Gateway };
            using var response = await http.GetAsync("/api/petitions/categories");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

            await Eventually.HoldsAsync(() => Task.FromResult(collector is { TraceExports: > 0, MetricExports: > 0, LogExports: > 0 }),
                TimeSpan.FromMinutes(1), $"traces, metrics and logs at the collector ({collector.Summary})");
            Assert.False(await FreePort.IsOpenAsync(appHost.Dashboard.Port, CancellationToken.None), "no dashboard listens");
            Assert.DoesNotContain("Dashboard:", appHost.Log);
            await StopsLeavingNothingAsync(appHost, Posix.SIGINT);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_server_that_cannot_start_ends_the_run_with_its_log_and_a_failure_code()
    {
        var directory = TempFolder.Create("masswork-apphost-");
        try
        {
            // A data folder that is not a database cluster (only PG_VERSION, as an interrupted copy leaves it): the server refuses it and exits.
            var data = Path.Combine(directory, "data", "postgres", "data");
            Directory.CreateDirectory(data);
            await File.WriteAllTextAsync(Path.Combine(data, "PG_VERSION"), "9\n");

            await using var appHost = AppHostProcess.Start(directory, new Dictionary<string, string> { ["AppHost:DataDir"] = Path.Combine(directory, "data") });
            var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2));

            Assert.NotEqual(0, exitCode);
            Assert.Contains("Start-up failed: postgres exited with code", appHost.Log);
            Assert.Contains("Last lines of postgres", appHost.Log);
            Assert.Contains("postgresql.conf", appHost.Log);
            await Eventually.HoldsAsync(() => Task.FromResult(!ProcessTree.Platform(appHost.Pid).Any(ProcessTree.IsAlive)),
                TimeSpan.FromSeconds(30), "no process of the failed run left");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task StopsLeavingNothingAsync(AppHostProcess appHost, int signal)
    {
        var before = ProcessTree.Platform(appHost.Pid);
        var exitCode = await appHost.InterruptAsync(TimeSpan.FromMinutes(2), signal);

        Assert.Equal(0, exitCode);
        // DCP, which the AppHost started detached, notices the exit and ends within moments.
        await Eventually.HoldsAsync(() => Task.FromResult(!before.Any(ProcessTree.IsAlive)), TimeSpan.FromSeconds(15),
            "no process left: " + string.Join("; ", before.Where(ProcessTree.IsAlive).Select(ProcessTree.Command)));
        Assert.DoesNotContain(before.Where(ProcessTree.IsAlive), pid => !ProcessTree.Command(pid).Contains("dcp", StringComparison.Ordinal));
    }

    /// <summary>The dashboard in headless Chromium counts the platform's resources, and its telemetry API names every service; the screenshot is kept with the test results.</summary>
    private static async Task DashboardListsTheServicesAsync(AppHostProcess appHost, string directory)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await page.GotoAsync(appHost.Dashboard.ToString());
        await PageCountsTheResourcesAsync(page, Services.Length + 1);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the dashboard screenshot is empty");

        // Every service's logs, traces and metrics reach it over OTLP (read through the dashboard's telemetry API).
        using var http = new HttpClient { BaseAddress = appHost.Dashboard, Timeout = TimeSpan.FromSeconds(60) };
        await Eventually.HoldsAsync(async () =>
        {
            var resources = await http.GetFromJsonAsync<JsonElement>("/api/telemetry/resources");
            var complete = resources.EnumerateArray()
                .Where(r => r.GetProperty("hasLogs").GetBoolean() && r.GetProperty("hasTraces").GetBoolean() && r.GetProperty("hasMetrics").GetBoolean())
                .Select(r => r.GetProperty("name").GetString()).ToHashSet();
            return Services.Append("gateway").All(complete.Contains);
        }, TimeSpan.FromSeconds(60), "logs, traces and metrics of every service in the dashboard");
    }

    /// <summary>
    /// Waits for the resources page to count at least <paramref name="atLeast"/> resources. It starts
    /// at "Showing 0 resources" and counts up as they stream in over its live connection. Its rows are
    /// not waited for: the virtualized grid can count them yet draw none in headless Chromium on a
    /// loaded machine; each service is checked by name through the telemetry API instead. A page whose
    /// live connection stalled keeps its first count, so one that has not moved for 30 s is loaded again,
    /// as a user would; a failure says what the page last showed.
    /// </summary>
    private static async Task PageCountsTheResourcesAsync(IPage page, int atLeast)
    {
        var count = new System.Text.RegularExpressions.Regex(@"Showing (\d+) resources");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var sinceLoad = System.Diagnostics.Stopwatch.StartNew();
        var last = "";
        while (true)
        {
            string text;
            try
            {
                text = await page.InnerTextAsync("body", new PageInnerTextOptions { Timeout = 10_000 });
            }
            catch (PlaywrightException)
            {
                text = ""; // the page is between loads
            }

            var shown = count.Match(text);
            if (shown.Success && int.Parse(shown.Groups[1].Value) >= atLeast)
            {
                return;
            }

            if (text != last)
            {
                last = text;
                sinceLoad.Restart();
            }
            else if (sinceLoad.Elapsed > TimeSpan.FromSeconds(30))
            {
                await page.ReloadAsync(new PageReloadOptions { Timeout = 60_000 });
                sinceLoad.Restart();
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(3))
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-failed.png"), FullPage = true });
                throw new TimeoutException($"Timed out after 3 min waiting for the dashboard to count {atLeast} resources; it showed: {(last.Length > 600 ? last[..600] : last)}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>The demo town's coverage, read as its staff would.</summary>
    private static Task<JsonElement> DemoCoverageAsync(AppHostProcess appHost) => DemoReadAsync(appHost, "/api/personnel/coverage/360731105000");

    /// <summary>
    /// The demo town's eight projects, one in every stage (two proposed: one waiting for the town, one
    /// for the city), the pooled fund's allocations and the villagers' money paid in the figures, once
    /// however often the platform starts; the published road on its village's notice board.
    /// </summary>
    private static async Task DemoProjectsInEveryStageAsync(AppHostProcess appHost)
    {
        var figures = await DemoReadAsync(appHost, "/api/projects/figures?region=360731105");
        Assert.Equal(8, figures.GetProperty("total").GetProperty("projects").GetInt64());
        Assert.Equal(["Accepted", "Approved", "Cancelled", "Proposed", "Published", "Rejected", "UnderWay"],
            figures.GetProperty("byStage").EnumerateArray().Select(c => c.GetProperty("key").GetString()).Order());
        var money = figures.GetProperty("money").EnumerateArray().ToDictionary(m => m.GetProperty("source").GetString()!);
        Assert.Equal(10_000_000, money["PooledAid"].GetProperty("allocatedFen").GetInt64());
        Assert.Equal(5_000_000, money["Villagers"].GetProperty("paidFen").GetInt64());
        await Eventually.HoldsAsync(async () => (await DemoReadAsync(appHost, "/api/personnel/notice-board/360731105201")).GetProperty("projects").EnumerateArray()
            .Any(p => p.GetProperty("title").GetString() == "上坪组通组公路硬化"), TimeSpan.FromSeconds(60), "the demo's published road on its village's board");
    }

    /// <summary>
    /// The demo town's year of visits in the figures, once its pairings have arrived from personnel:
    /// every household due this year, a flagged (reused) photo, one failed spot-check call, demands
    /// raised. All of it lies in the last 365 days, so this year's and last year's figures together
    /// hold it whatever the date. Answers the number of visits, to compare across runs.
    /// </summary>
    private static async Task<long> DemoYearOfVisitsAsync(AppHostProcess appHost)
    {
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        long Sum(JsonElement[] totals, string figure, string field) => totals.Sum(t => t.GetProperty(figure).GetProperty(field).GetInt64());
        JsonElement[] totals = [];
        var seen = "no answer yet";
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                JsonElement[] reports;
                try
                {
                    reports = await Task.WhenAll(new[] { year, year - 1 }.Select(y => DemoReadAsync(appHost, $"/api/visits/figures?region=360731105&year={y}")));
                }
                catch (TaskCanceledException)
                {
                    // While the demo's year of visits is still being computed, a read can outlast the client's 30 s on a busy machine: asked again.
                    seen = "a read outlasted 30 s";
                    return false;
                }

                totals = [.. reports.Select(r => r.GetProperty("total"))];
                seen = $"{Sum(totals, "aid", "visits")} visits, {Sum(totals, "spotChecks", "failed")} failed spot-check calls, "
                    + $"{reports.Sum(r => r.GetProperty("pendingVillages").GetInt64())} villages pending";
                // The spot-check is seeded last; the villages' figures are refreshed in batches behind it, so all of them are in only once none is pending.
                return Sum(totals, "spotChecks", "failed") > 0 && reports.All(r => r.GetProperty("pendingVillages").GetInt64() == 0);
            }, TimeSpan.FromMinutes(8), "the demo's year of visits, with its spot-check, in the figures, no village pending");
        }
        catch (TimeoutException e)
        {
            // Which part lagged (the seeding, the spot-check, the refresh) is what a slow run needs to say.
            throw new TimeoutException($"{e.Message}; last seen: {seen}", e);
        }

        Assert.Equal(2000, totals[0].GetProperty("households").GetProperty("due").GetInt64());
        Assert.Equal(1, Sum(totals, "spotChecks", "failed"));
        Assert.Equal(1, Sum(totals, "photos", "flagged"));
        Assert.InRange(Sum(totals, "demands", "raised"), 1, 100);
        var count = Sum(totals, "aid", "visits");
        Assert.InRange(count, 10_000, 20_000);
        return count;
    }

    /// <summary>A read as the demo town's staff would make it, with a Development token from the gateway.</summary>
    private static async Task<JsonElement> DemoReadAsync(AppHostProcess appHost, string path)
    {
        using var http = new HttpClient { BaseAddress = appHost.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        using var tokenResponse = await http.PostAsJsonAsync("/dev/token", new { roles = new[] { "town-staff" }, region = "360731105" });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<bool> GatewayHealthyAsync(AppHostProcess appHost)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(appHost.Gateway, "/health"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
