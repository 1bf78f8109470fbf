using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MassWork.Identity.Accounts;
using MassWork.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace MassWork.Benchmarks;

/// <summary>
/// Staff sign-ins through the gateway at the given concurrency, each a whole OpenID Connect code
/// flow as the console makes it: the authorization request (PKCE), the password page, the
/// authenticator code, the code exchanged for tokens. Accounts are created, invited and activated
/// first through the same pages (each signs in once: an authenticator code is good once). Beside
/// it, in the same run, the cost of one password hash in this process — what bounds sign-ins on
/// two cores — as the reference.
/// </summary>
public sealed partial class SignInBenchmark(int accounts, int concurrency)
{
    private const string Password = "Ganzhou2024Tea";
    private const string Client = "masswork-console";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var hashes = HashRate();
        await using var platform = await BenchPlatform.StartAsync(null, cancellationToken);
        var admin = platform.Token("bench-admin", [Roles.Operator, Roles.SecurityAdmin], "3607");
        // A browser's steps are read one by one: no redirect followed, no cookie kept.
        using var http = platform.Client(concurrency, followRedirects: false);

        // The console's registered address is under the issuer the identity service names (the gateway, as the AppHost gives it).
        var issuer = (await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", cancellationToken)).GetProperty("issuer").GetString()!;
        var redirect = new Uri(new Uri(issuer), "console/signed-in").ToString();
        var staff = new (string UserName, byte[] Secret, long Step)[accounts];
        var stopwatch = Stopwatch.StartNew();
        await ParallelAsync(accounts, async i => staff[i] = await ActivateAsync(http, admin, $"bench{i:D5}", cancellationToken), cancellationToken);
        BenchReport.Line("accounts created and activated", $"{accounts:N0} in {stopwatch.Elapsed.TotalSeconds:N1} s (each: create, invite, set password, confirm authenticator)");

        var latencies = new double[accounts];
        stopwatch.Restart();
        await ParallelAsync(accounts, async i =>
        {
            var watch = Stopwatch.StartNew();
            await SignInAsync(http, redirect, staff[i], cancellationToken);
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

    private static async Task<(string, byte[], long)> ActivateAsync(HttpClient http, string admin, string userName, CancellationToken cancellationToken)
    {
        var created = await JsonAsync(http, "/api/identity/accounts", admin, new { userName, displayName = "基准干部", role = Roles.TownStaff, region = "360702003" }, cancellationToken);
        var invitation = await JsonAsync(http, $"/api/identity/accounts/{created.GetProperty("id").GetGuid()}/invitation", admin, new { userName, role = Roles.TownStaff }, cancellationToken);
        var code = invitation.GetProperty("invitationCode").GetString()!;
        var page = await FormAsync(http, "/account/activate", new() { ["invitation"] = code, ["password"] = Password, ["confirm"] = Password }, HttpStatusCode.OK, cancellationToken);
        var secret = Base32Encoding.ToBytes(SecretPattern().Match(page).Groups[1].Value);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        await FormAsync(http, "/account/activate", new() { ["invitation"] = code, ["code"] = Code(secret, step) }, HttpStatusCode.OK, cancellationToken);
        return (userName, secret, step);
    }

    private static async Task SignInAsync(HttpClient http, string redirect, (string UserName, byte[] Secret, long Step) staff, CancellationToken cancellationToken)
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var start = await http.GetAsync($"/connect/authorize?client_id={Client}&response_type=code&scope=openid%20offline_access" +
            $"&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge={challenge}&code_challenge_method=S256&state=bench", cancellationToken);
        var form = Hidden(await Expect(start, HttpStatusCode.OK, cancellationToken));
        var codePage = await FormAsync(http, "/connect/authorize", new(form) { ["step"] = "password", ["username"] = staff.UserName, ["password"] = Password }, HttpStatusCode.OK, cancellationToken);
        // The activation used this account's code of its step; the next step's code is accepted as the phone's clock runs ahead.
        var step = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30, staff.Step + 1);
        using var answer = await http.PostAsync("/connect/authorize", new FormUrlEncodedContent(new Dictionary<string, string>(Hidden(codePage)) { ["step"] = "code", ["code"] = Code(staff.Secret, step) }), cancellationToken);
        await Expect(answer, HttpStatusCode.Redirect, cancellationToken);
        var code = Uri.UnescapeDataString(CodePattern().Match(answer.Headers.Location!.Query).Groups[1].Value);
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = Client, ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
        }), cancellationToken);
        await Expect(token, HttpStatusCode.OK, cancellationToken);
    }

    private static string Code(byte[] secret, long step) => new Totp(secret).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);

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

    private static async Task<string> FormAsync(HttpClient http, string path, Dictionary<string, string> form, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(form), cancellationToken);
        return await Expect(response, expected, cancellationToken);
    }

    private static async Task<string> Expect(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == expected ? text : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.AbsolutePath}: expected {(int)expected}, got {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
    }

    private static Dictionary<string, string> Hidden(string page) =>
        HiddenPattern().Matches(page).GroupBy(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<code id=\"secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodePattern();
}
