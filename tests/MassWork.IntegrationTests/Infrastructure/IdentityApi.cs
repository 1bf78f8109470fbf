using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MassWork.ServiceDefaults.Auth;
using Microsoft.IdentityModel.Tokens;
using OtpNet;

namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>A staff member with an activated account: login name, password and the authenticator secret on their phone.</summary>
public sealed class StaffLogin(Guid accountId, string userName, string password, byte[] secret)
{
    public Guid AccountId { get; } = accountId;

    public string UserName { get; } = userName;

    public string Password { get; } = password;

    public byte[] Secret { get; } = secret;

    /// <summary>The last authenticator time step used: the service accepts each code once.</summary>
    public long LastStep { get; set; }
}

public sealed record TokenSet(string AccessToken, string? RefreshToken, string? IdToken);

/// <summary>
/// Staff accounts and sign-in through the gateway, driven as a browser would: the HTML forms of the
/// sign-in and activation pages are read and posted back, redirects are not followed but read.
/// </summary>
public sealed partial class IdentityApi(HttpClient gateway, TimeProvider clock, string operatorToken)
{
    public const string ConsoleClient = "masswork-console";
    public const string StrongPassword = "Ganzhou2024Tea";

    private static int _next = Random.Shared.Next(0, 100_000);

    /// <summary>On the tests' platform: its clock, and an operator's development token for the whole city.</summary>
    public IdentityApi(PlatformFixture platform)
        : this(platform.Gateway, platform.Clock, platform.Token("3607", Roles.Operator, "test-operator"))
    {
    }

    /// <summary>A browser: keeps no cookies and follows no redirect, so each step's answer can be read.</summary>
    public HttpClient Browser { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = gateway.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The token account administration is done with.</summary>
    public string Operator { get; set; } = operatorToken;

    public string RedirectUri => new Uri(gateway.BaseAddress!, "console/signed-in").ToString();

    public static string NewUserName(string prefix = "staff") => $"{prefix}{Interlocked.Increment(ref _next)}";

    /// <summary>An account created by an operator, invited and activated: ready to sign in.</summary>
    public async Task<StaffLogin> NewStaffAsync(string role = Roles.TownStaff, string region = PlatformFixture.Region)
    {
        var userName = NewUserName();
        var created = await JsonAsync(HttpMethod.Post, "/api/identity/accounts", Operator, new { userName, displayName = "测试干部", role, region }, HttpStatusCode.Created);
        return await ActivateAsync(created.GetProperty("id").GetGuid(), userName);
    }

    /// <summary>Invites the account and activates it as its owner would, through the activation page.</summary>
    public async Task<StaffLogin> ActivateAsync(Guid accountId, string userName, string role = Roles.TownStaff)
    {
        var invitation = await JsonAsync(HttpMethod.Post, $"/api/identity/accounts/{accountId}/invitation", Operator, new { userName, role });
        return await ActivateWithCodeAsync(accountId, userName, invitation.GetProperty("invitationCode").GetString()!);
    }

    /// <summary>The activation pages, as the invited staff member fills them in with their code.</summary>
    public async Task<StaffLogin> ActivateWithCodeAsync(Guid accountId, string userName, string code)
    {
        var (status, page) = await PostFormAsync("/account/activate", new() { ["invitation"] = code, ["password"] = StrongPassword, ["confirm"] = StrongPassword });
        Assert.True(status == HttpStatusCode.OK, page);
        var secret = Base32Encoding.ToBytes(SecretPattern().Match(page).Groups[1].Value);
        var staff = new StaffLogin(accountId, userName, StrongPassword, secret);
        (status, page) = await PostFormAsync("/account/activate", new() { ["invitation"] = code, ["code"] = await NextCodeAsync(staff) });
        Assert.True(status == HttpStatusCode.OK && page.Contains("已激活"), page);
        return staff;
    }

    /// <summary>The authenticator's code for the next time step the service has not seen used (waits when the phone would have to).</summary>
    public async Task<string> NextCodeAsync(StaffLogin staff)
    {
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var step = Math.Max(current, staff.LastStep + 1);
        if (step > current + 1)
        {
            await Task.Delay(TimeSpan.FromSeconds((step - 1) * 30 - clock.GetUtcNow().ToUnixTimeSeconds() + 1));
        }

        staff.LastStep = step;
        return new Totp(staff.Secret).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    /// <summary>The console's authorization request with a fresh PKCE verifier: the password page and the verifier.</summary>
    public async Task<(Dictionary<string, string> Form, string Verifier)> StartSignInAsync()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = $"client_id={ConsoleClient}&response_type=code&scope={Uri.EscapeDataString("openid offline_access")}" +
                    $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=st-{Guid.NewGuid():N}";
        using var response = await Browser.GetAsync($"/connect/authorize?{query}");
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, page);
        Assert.Contains("工作人员登录", page);
        return (HiddenFields(page), verifier);
    }

    /// <summary>The password step: the page it answers with (the code page when right).</summary>
    public Task<(HttpStatusCode Status, string Page)> PasswordAsync(Dictionary<string, string> form, string userName, string password) =>
        PostFormAsync("/connect/authorize", new(form) { ["step"] = "password", ["username"] = userName, ["password"] = password });

    /// <summary>The second-factor step: the response (a redirect with the code when right).</summary>
    public async Task<HttpResponseMessage> CodeAsync(string codePage, string code) =>
        await Browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(new Dictionary<string, string>(HiddenFields(codePage)) { ["step"] = "code", ["code"] = code }));

    /// <summary>Both factors and the code exchange: the staff member's tokens.</summary>
    public async Task<TokenSet> SignInAsync(StaffLogin staff)
    {
        var (form, verifier) = await StartSignInAsync();
        var (status, codePage) = await PasswordAsync(form, staff.UserName, staff.Password);
        Assert.True(status == HttpStatusCode.OK, codePage);
        using var redirect = await CodeAsync(codePage, await NextCodeAsync(staff));
        return await ExchangeAsync(redirect, verifier);
    }

    /// <summary>Reads the authorization code off the redirect to the console and exchanges it with the PKCE verifier.</summary>
    public async Task<TokenSet> ExchangeAsync(HttpResponseMessage redirect, string verifier)
    {
        Assert.True(redirect.StatusCode == HttpStatusCode.Redirect, $"{(int)redirect.StatusCode} {await redirect.Content.ReadAsStringAsync()}");
        var location = redirect.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString());
        var code = Uri.UnescapeDataString(CodePattern().Match(location.Query).Groups[1].Value);
        var (tokenStatus, body) = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = ConsoleClient, ["code"] = code, ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
        });
        Assert.True(tokenStatus == HttpStatusCode.OK, body.ToString());
        return Tokens(body);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken) =>
        await TokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = ConsoleClient, ["refresh_token"] = refreshToken });

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await Browser.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static TokenSet Tokens(JsonElement body) => new(
        body.GetProperty("access_token").GetString()!,
        body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
        body.TryGetProperty("id_token", out var id) ? id.GetString() : null);

    public async Task<(HttpStatusCode Status, string Page)> PostFormAsync(string path, Dictionary<string, string> form)
    {
        using var response = await Browser.PostAsync(path, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A GET of a personnel endpoint with the token: what a service makes of it.</summary>
    public async Task<HttpResponseMessage> CallPersonnelAsync(string token) =>
        await gateway.SendAsync(Request(HttpMethod.Get, "/api/personnel/cadres?pageSize=1", token));

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string token, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await gateway.SendAsync(Request(method, path, token, body is null ? null : JsonContent.Create(body)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static Dictionary<string, string> HiddenFields(string page) =>
        HiddenPattern().Matches(page).GroupBy(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<code id=\"secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodePattern();
}
