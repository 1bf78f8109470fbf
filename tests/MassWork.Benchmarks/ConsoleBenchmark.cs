using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace MassWork.Benchmarks;

/// <summary>
/// The web console as staff meet it, with the demo town (梓山镇, 2,000 households and a year of
/// visits) loaded: the bytes the browser fetches for the first page (as sent, compressed or not),
/// and the time from navigating to the supervision dashboard until its charts are drawn, in headless
/// Chromium (Debian's chromium). The reference, in the same run, is the dashboard's own API calls
/// (region, coverage, visits, petitions and projects figures) made straight through the gateway
/// with the same user's token: what the console adds is rendering and one hop.
/// </summary>
public sealed class ConsoleBenchmark(int loads)
{
    private const string Town = "360731105";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var platform = await BenchPlatform.StartAsync(new Dictionary<string, string> { ["Demo:Enabled"] = "true" }, cancellationToken);
        var admin = platform.Token("bench-admin", [Roles.Operator, Roles.SecurityAdmin], "3607");
        using var http = platform.Client(4, followRedirects: false);
        await DemoLoadedAsync(http, admin, cancellationToken);

        var issuer = (await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", cancellationToken)).GetProperty("issuer").GetString()!;
        var staffBrowser = new StaffBrowser(http, new Uri(new Uri(issuer), "console/signed-in").ToString(), TimeProvider.System);
        var staff = await SignInBenchmark.ActivateAsync(http, staffBrowser, admin, "bench-console", Town, cancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        // At the issuer's address (the gateway's as the AppHost names it): the console's registered return address is under it.
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = issuer, ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var first = await page.GotoAsync("/");
        if (!await page.Locator("#username").IsVisibleAsync())
        {
            throw new InvalidOperationException($"No sign-in page at {page.Url} ({first?.Status}): {await page.Locator("body").InnerTextAsync()}");
        }

        await page.FillAsync("#username", staff.UserName);
        await page.FillAsync("#password", staff.Password);
        await page.ClickAsync("button[type=submit]");
        await page.FillAsync("#code", await staffBrowser.NextCodeAsync(staff, cancellationToken));
        await page.ClickAsync("button[value=code]");
        await page.WaitForSelectorAsync("figure.mw-chart svg");

        // First page, cold: a new context (its HTTP cache empty) holding the signed-in session's cookies.
        await using var coldContext = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = issuer, ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN", StorageState = await context.StorageStateAsync(),
        });
        var cold = await coldContext.NewPageAsync();
        var responses = new List<IResponse>();
        cold.Response += (_, response) => responses.Add(response);
        await cold.GotoAsync("/");
        await cold.WaitForSelectorAsync("figure.mw-chart svg");
        // Bytes on the wire: a body's Content-Length as sent (gzip-encoded for the static CSS), its
        // length read when none was sent (the streamed HTML), plus the headers. Chromium's own
        // Request.sizes() reports the decoded body size here, which would count the CSS unzipped.
        long bytes = 0;
        var encodings = new List<string>();
        foreach (var response in responses)
        {
            var headers = await response.AllHeadersAsync();
            var sizes = await response.Request.SizesAsync();
            bytes += sizes.ResponseHeadersSize + (headers.TryGetValue("content-length", out var length) && long.TryParse(length, out var sent)
                ? sent
                : (await response.BodyAsync()).Length);
            encodings.Add(headers.TryGetValue("content-encoding", out var encoding) ? encoding : "identity");
        }

        BenchReport.Line("first page shipped", $"{bytes / 1024.0:N1} KB in {responses.Count} responses (HTML, Ant Design's CSS, the console's CSS; no script), encoded {string.Join(", ", encodings)}");
        BenchReport.Figure("console first page", $"{bytes / 1024.0:N0} KB", "500 KB target", 500 * 1024.0 / bytes);

        var times = new double[loads];
        for (var i = 0; i < loads; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync("/");
            await page.WaitForSelectorAsync("figure.mw-chart svg");
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        var token = (await staffBrowser.SignInAsync(staff, cancellationToken)).AccessToken;
        var direct = new double[loads];
        for (var i = 0; i < loads; i++)
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(
                GetAsync(http, $"/api/personnel/regions/{Town}000", token, cancellationToken),
                GetAsync(http, $"/api/personnel/coverage/{Town}000", token, cancellationToken),
                GetAsync(http, $"/api/visits/figures?region={Town}", token, cancellationToken),
                GetAsync(http, $"/api/petitions/figures?region={Town}", token, cancellationToken),
                GetAsync(http, $"/api/projects/figures?region={Town}", token, cancellationToken));
            direct[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Array.Sort(direct);
        var (median, reference) = (times[loads / 2], direct[loads / 2]);
        BenchReport.Line("dashboard to charts drawn", $"median {median:N0} ms, p95 {times[(int)(loads * 0.95)]:N0} ms over {loads} loads (navigation to the charts' SVG in the page, 1366×768)");
        BenchReport.Line("its API calls straight through the gateway", $"median {reference:N0} ms (the same five reads, concurrently, same token)");
        BenchReport.Figure("dashboard to charts drawn", $"{median:N0} ms", $"{reference:N0} ms for its API calls alone", reference / median);
    }

    /// <summary>The demo town's households and its year of visits are in, and the visits figures computed.</summary>
    private static async Task DemoLoadedAsync(HttpClient http, string token, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            var coverage = await TryGetAsync(http, $"/api/personnel/coverage/{Town}000", token, cancellationToken);
            var visits = await TryGetAsync(http, $"/api/visits/figures?region={Town}", token, cancellationToken);
            if (coverage?.GetProperty("households").GetInt64() == 2000 && visits is { } v
                && v.GetProperty("pendingVillages").GetInt64() == 0 && v.GetProperty("total").GetProperty("contacts").GetProperty("done").GetInt64() > 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The demo town was not loaded within 15 minutes.");
            }

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    private static async Task GetAsync(HttpClient http, string path, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static async Task<JsonElement?> TryGetAsync(HttpClient http, string path, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
