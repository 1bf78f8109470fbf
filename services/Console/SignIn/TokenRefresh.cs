using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace MassWork.Console.SignIn;

/// <summary>
/// Keeps a session's access token fresh: shortly before it expires, the refresh token is exchanged
/// at the identity service and the cookie renewed. A refused refresh (the session's idle or absolute
/// limit passed, the account disabled, the session revoked) ends the console's session too, so the
/// next page asks for sign-in again instead of failing on every call.
/// </summary>
public sealed class TokenRefresh(IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<TokenRefresh> logger)
{
    /// <summary>Refreshed this long before expiry, so a page's several API calls all carry a valid token.</summary>
    public static readonly TimeSpan Early = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The identity service accepts each refresh token once (a replay revokes the session), while a
    /// browser sends several requests with the same cookie at once (the page and its styles). They
    /// share one exchange, whose answer is kept a minute for the requests still carrying the old cookie.
    /// </summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<Refreshed?>>> exchanges = new();

    /// <summary>The clock the session's token times are dated by (<see cref="ConsoleSignIn.BrowserClock"/>).</summary>
    private static TimeProvider Clock => ConsoleSignIn.BrowserClock;

    private sealed record Refreshed(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Properties.GetTokenValue("expires_at") is not { } expiresAt
            || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            || expires - Clock.GetUtcNow() > Early)
        {
            return;
        }

        Refreshed? refreshed = null;
        if (context.Properties.GetTokenValue("refresh_token") is { } refreshToken)
        {
            try
            {
                refreshed = await exchanges.GetOrAdd(refreshToken, token => new Lazy<Task<Refreshed?>>(() => ExchangeAsync(token))).Value;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The identity service unreachable is no reason to end the session: the page goes on with the
                // token it has (an API refusing it says the sign-in expired) and the next request tries again.
                logger.LogWarning(e, "Refreshing a console session's token failed; tried again on the next request");
                return;
            }
        }

        if (refreshed is not null)
        {
            context.Properties.UpdateTokenValue("access_token", refreshed.AccessToken);
            if (refreshed.RefreshToken is not null)
            {
                context.Properties.UpdateTokenValue("refresh_token", refreshed.RefreshToken);
            }

            context.Properties.UpdateTokenValue("expires_at", refreshed.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
            context.ShouldRenew = true;
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private async Task<Refreshed?> ExchangeAsync(string refreshToken)
    {
        try
        {
            // Not the request's cancellation: the exchange is shared by every request of the session.
            var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
            using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["client_id"] = options.ClientId!, ["refresh_token"] = refreshToken,
            }));
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("Refresh refused ({Status}): the console session ends", (int)response.StatusCode);
                return null;
            }

            var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
            var lifetime = tokens.TryGetProperty("expires_in", out var seconds) ? TimeSpan.FromSeconds(seconds.GetInt32()) : Early;
            return new Refreshed(
                tokens.GetProperty("access_token").GetString()!,
                tokens.TryGetProperty("refresh_token", out var rolled) ? rolled.GetString() : null,
                Clock.GetUtcNow() + lifetime);
        }
        catch
        {
            exchanges.TryRemove(refreshToken, out _);
            throw;
        }
        finally
        {
            _ = ForgetAsync(refreshToken);
        }
    }

    private async Task ForgetAsync(string refreshToken)
    {
        await Task.Delay(TimeSpan.FromMinutes(1), Clock);
        exchanges.TryRemove(refreshToken, out _);
    }
}
