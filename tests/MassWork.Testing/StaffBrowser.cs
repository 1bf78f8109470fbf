using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OtpNet;

namespace MassWork.Testing;

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
/// The staff pages of the identity service driven as the console's browser drives them, through the
/// gateway: the activation pages, the authorization request with PKCE, the password and second-factor
/// pages, the code exchanged for tokens. The HTML forms are read and posted back; redirects are read,
/// not followed, and no cookie is kept, so each step's answer can be checked. The tests and the
/// sign-in benchmark both sign in through this one driver.
/// </summary>
public sealed partial class StaffBrowser(HttpClient browser, string redirectUri, TimeProvider clock)
{
    public const string ConsoleClient = "masswork-console";

    /// <summary>Keeps no cookies and follows no redirect.</summary>
    public HttpClient Http => browser;

    /// <summary>The console's registered address, under the issuer the identity service names.</summary>
    public string RedirectUri => redirectUri;

    /// <summary>The activation pages, as the invited staff member fills them in with their invitation code.</summary>
    public async Task<StaffLogin> ActivateAsync(Guid accountId, string userName, string invitationCode, string password, CancellationToken cancellationToken = default)
    {
        var (status, page) = await PostFormAsync("/account/activate", new() { ["invitation"] = invitationCode, ["password"] = password, ["confirm"] = password }, cancellationToken);
        Expect(status == HttpStatusCode.OK && SecretPattern().IsMatch(page), "the activation page with the authenticator secret", status, page);
        var staff = new StaffLogin(accountId, userName, password, Base32Encoding.ToBytes(SecretPattern().Match(page).Groups[1].Value));
        (status, page) = await PostFormAsync("/account/activate", new() { ["invitation"] = invitationCode, ["code"] = await NextCodeAsync(staff, cancellationToken) }, cancellationToken);
        Expect(status == HttpStatusCode.OK && page.Contains("已激活", StringComparison.Ordinal), "the account activated", status, page);
        return staff;
    }

    /// <summary>The authenticator's code for the next time step the service has not seen used (waits when the phone would have to).</summary>
    public async Task<string> NextCodeAsync(StaffLogin staff, CancellationToken cancellationToken = default)
    {
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var step = Math.Max(current, staff.LastStep + 1);
        if (step > current + 1)
        {
            await Task.Delay(TimeSpan.FromSeconds((step - 1) * 30 - clock.GetUtcNow().ToUnixTimeSeconds() + 1), cancellationToken);
        }

        staff.LastStep = step;
        return new Totp(staff.Secret).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    /// <summary>The console's authorization request with a fresh PKCE verifier: the password page's form and the verifier.</summary>
    public async Task<(Dictionary<string, string> Form, string Verifier)> StartSignInAsync(CancellationToken cancellationToken = default)
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = $"client_id={ConsoleClient}&response_type=code&scope={Uri.EscapeDataString("openid offline_access")}" +
                    $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=st-{Guid.NewGuid():N}";
        using var response = await browser.GetAsync($"/connect/authorize?{query}", cancellationToken);
        var page = await response.Content.ReadAsStringAsync(cancellationToken);
        Expect(response.StatusCode == HttpStatusCode.OK && page.Contains("工作人员登录", StringComparison.Ordinal), "the staff sign-in page", response.StatusCode, page);
        return (HiddenFields(page), verifier);
    }

    /// <summary>The password step: the page it answers with (the second-factor page when right).</summary>
    public Task<(HttpStatusCode Status, string Page)> PasswordAsync(Dictionary<string, string> form, string userName, string password, CancellationToken cancellationToken = default) =>
        PostFormAsync("/connect/authorize", new(form) { ["step"] = "password", ["username"] = userName, ["password"] = password }, cancellationToken);

    /// <summary>The second-factor step: the response (a redirect to the console with the code when right).</summary>
    public Task<HttpResponseMessage> CodeAsync(string codePage, string code, CancellationToken cancellationToken = default) =>
        browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(new Dictionary<string, string>(HiddenFields(codePage)) { ["step"] = "code", ["code"] = code }), cancellationToken);

    /// <summary>Both factors and the code exchange: the staff member's tokens.</summary>
    public async Task<TokenSet> SignInAsync(StaffLogin staff, CancellationToken cancellationToken = default)
    {
        var (form, verifier) = await StartSignInAsync(cancellationToken);
        var (status, codePage) = await PasswordAsync(form, staff.UserName, staff.Password, cancellationToken);
        Expect(status == HttpStatusCode.OK, "the second-factor page", status, codePage);
        using var redirect = await CodeAsync(codePage, await NextCodeAsync(staff, cancellationToken), cancellationToken);
        return await ExchangeAsync(redirect, verifier, cancellationToken);
    }

    /// <summary>Reads the authorization code off the redirect to the console and exchanges it with the PKCE verifier.</summary>
    public async Task<TokenSet> ExchangeAsync(HttpResponseMessage redirect, string verifier, CancellationToken cancellationToken = default)
    {
        var location = redirect.Headers.Location?.ToString() ?? "";
        Expect(redirect.StatusCode == HttpStatusCode.Redirect && location.StartsWith(redirectUri, StringComparison.Ordinal),
            $"a redirect to {redirectUri}", redirect.StatusCode, $"{location} {await redirect.Content.ReadAsStringAsync(cancellationToken)}");
        var code = Uri.UnescapeDataString(CodePattern().Match(redirect.Headers.Location!.Query).Groups[1].Value);
        var (status, body) = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = ConsoleClient, ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        }, cancellationToken);
        Expect(status == HttpStatusCode.OK, "tokens for the code", status, body.ToString());
        return Tokens(body);
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = ConsoleClient, ["refresh_token"] = refreshToken }, cancellationToken);

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken = default)
    {
        using var response = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(form), cancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }

    public async Task<(HttpStatusCode Status, string Page)> PostFormAsync(string path, Dictionary<string, string> form, CancellationToken cancellationToken = default)
    {
        using var response = await browser.PostAsync(path, new FormUrlEncodedContent(form), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public static TokenSet Tokens(JsonElement body) => new(
        body.GetProperty("access_token").GetString()!,
        body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
        body.TryGetProperty("id_token", out var id) ? id.GetString() : null);

    /// <summary>A page's hidden form fields, as a browser posts them back.</summary>
    public static Dictionary<string, string> HiddenFields(string page) =>
        HiddenPattern().Matches(page).GroupBy(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    private static void Expect(bool holds, string what, HttpStatusCode status, string answer)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"Expected {what}; got {(int)status}: {answer[..Math.Min(2_000, answer.Length)]}");
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<code id=\"secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodePattern();
}
