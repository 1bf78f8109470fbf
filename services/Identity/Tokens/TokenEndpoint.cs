using Microsoft.AspNetCore;
using MassWork.Identity.Accounts;
using MassWork.Identity.Sessions;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MassWork.Identity.Tokens;

/// <summary>
/// The token endpoint's decisions, after OpenIddict has authenticated the client and checked the
/// code, its PKCE verifier or the refresh token (a refresh token used twice revokes its whole
/// session there): client credentials get the client's configured role and region; a code or a
/// refresh gets the account's role and region as they are now, and only while the account may
/// still sign in and the session is within its absolute limit.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/connect/token", ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext http, AccountsDbContext db, StaffPrincipals principals, SessionRevocation sessions, IOptions<IdentityServiceOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict token request is missing.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = options.Value.Clients.SingleOrDefault(c => c.ClientId == request.ClientId);
            return client is null
                ? Refuse(Errors.InvalidClient, "This client may not use client credentials.")
                : Results.SignIn(principals.ForClient(client), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var previous = result.Principal ?? throw new InvalidOperationException("OpenIddict validated the grant but gave no principal.");
        var subject = previous.GetClaim(Claims.Subject);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.SubjectId == subject, cancellationToken);
        var now = time.GetUtcNow();
        var sessionStart = StaffPrincipals.SessionStart(previous);
        if (account is null || !account.CanSignIn || Lockout.IsLocked(account, now) || SessionLimits.HasEnded(sessionStart, now, options.Value))
        {
            // The session is over for good: its remaining tokens go with it.
            await sessions.RevokeAsync(previous.GetAuthorizationId(), cancellationToken);
            return Refuse(Errors.InvalidGrant, "The session has ended; sign in again.");
        }

        return Results.SignIn(principals.Refreshed(account, previous.GetScopes(), sessionStart!.Value, now),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
