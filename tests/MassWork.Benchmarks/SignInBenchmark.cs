using System.Net.Http.Headers;
using MassWork.Identity.Accounts;
using Microsoft.AspNetCore.Identity;

namespace MassWork.Benchmarks;

/// <summary>
/// Staff sign-ins through the gateway at the given concurrency, each a whole OpenID Connect code
/// flow as the console makes it: the authorization request (PKCE), the password page, the
/// authenticator code, the code exchanged for tokens. Accounts are created, invited and activated
/// first through the same pages (each signs in once: an authenticator code is good once). Beside
/// it, in the same run, the cost of one password hash in this process — what bounds sign-ins on
/// two cores — as the reference.
/// </summary>
public sealed class SignInBenchmark(int accounts, int concurrency)
{
    private const string Password = "Ganzhou2024Tea";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var hashes = HashRate();
        await using var platform = await BenchPlatform.StartAsync(null, cancellationToken);
        var admin = platform.Token("bench-admin", [Roles.Operator, Roles.SecurityAdmin], "3607");
        // A browser's steps are read one by one: no redirect followed, no cookie kept.
        using var http = platform.Client(concurrency, followRedirects: false);

        // The console's registered address is under the issuer the identity service names (the gateway, as the AppHost gives it).
        var issuer = (await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", cancellationToken)).GetProperty("issuer").GetString()!;
        var browser = new StaffBrowser(http, new Uri(new Uri(issuer), "console/signed-in").ToString(), TimeProvider.System);
        var staff = new StaffLogin[accounts];
        var stopwatch = Stopwatch.StartNew();
        await ParallelAsync(accounts, async i => staff[i] = await ActivateAsync(http, browser, admin, $"bench{i:D5}", "360702003", cancellationToken), cancellationToken);
        BenchReport.Line("accounts created and activated", $"{accounts:N0} in {stopwatch.Elapsed.TotalSeconds:N1} s (each: create, invite, set password, confirm authenticator)");

        var latencies = new double[accounts];
        stopwatch.Restart();
        await ParallelAsync(accounts, async i =>
        {
            var watch = Stopwatch.StartNew();
            await browser.SignInAsync(staff[i], cancellationToken);
            latencies[i] = watch.Elapsed.TotalMilliseconds;
        }, cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        BenchReport.Line("sign-ins through the gateway", $"{accounts:N0} in {seconds:N1} s = {accounts / seconds:N1} sign-ins/s at concurrency {concurrency}; " +
            $"p50 {latencies[accounts / 2]:N0} ms, p95 {latencies[(int)(accounts * 0.95)]:N0} ms (authorize, password, authenticator code, token)");
        BenchReport.Line("against the password hash alone", $"{accounts / seconds / hashes:P0} of the hashes/s one core of this process makes");
        BenchReport.Figure("sign-ins through the gateway", $"{accounts / seconds:N1} sign-ins/s", $"{hashes:N1} password hashes/s on one core", accounts / seconds / hashes);
    }

    /// <summary>ASP.NET Core Identity's hasher as the identity service uses it: PBKDF2-HMAC-SHA512, 100,000 iterations.</summary>
    private static double HashRate()
    {
        var hasher = new PasswordHasher<StaffAccount>();
        var account = new StaffAccount { DisplayName = "基准", RegionPrefix = "3607", SubjectId = "bench" };
        hasher.HashPassword(account, Password);
        var stopwatch = Stopwatch.StartNew();
        const int Count = 20;
        for (var i = 0; i < Count; i++)
        {
            hasher.HashPassword(account, Password);
        }

        var each = stopwatch.Elapsed.TotalMilliseconds / Count;
        BenchReport.Line("password hash (reference)", $"PBKDF2-HMAC-SHA512, 100,000 iterations: {each:N1} ms each on one core = {1000 / each:N1} hashes/s");
        return 1000 / each;
    }

    private async Task ParallelAsync(int count, Func<int, Task> work, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !cancellationToken.IsCancellationRequested)
            {
                await work(i);
            }
        }));
    }

    /// <summary>A town staff account of <paramref name="region"/>, created, invited and activated through the identity service's pages.</summary>
    internal static async Task<StaffLogin> ActivateAsync(HttpClient http, StaffBrowser browser, string admin, string userName, string region, CancellationToken cancellationToken)
    {
        var created = await JsonAsync(http, "/api/identity/accounts", admin, new { userName, displayName = "基准干部", role = Roles.TownStaff, region }, cancellationToken);
        var id = created.GetProperty("id").GetGuid();
        var invitation = await JsonAsync(http, $"/api/identity/accounts/{id}/invitation", admin, new { userName, role = Roles.TownStaff }, cancellationToken);
        return await browser.ActivateAsync(id, userName, invitation.GetProperty("invitationCode").GetString()!, Password, cancellationToken);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient http, string path, string token, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
