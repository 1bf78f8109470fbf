using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using MassWork.Identity.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MassWork.Identity.Tokens;

/// <summary>
/// The principals tokens are made from, carrying the claims every MassWork service reads
/// (<see cref="MassWorkClaims"/>: sub, name, role, region) and the audience they check.
/// </summary>
public sealed class StaffPrincipals(Microsoft.Extensions.Options.IOptions<IdentityServiceOptions> options, AuthOptions auth)
{
    /// <summary>A staff member after both factors. <paramref name="signedInAt"/> is when the session began: it bounds its absolute length.</summary>
    public ClaimsPrincipal ForStaff(StaffAccount account, ImmutableArray<string> scopes, DateTimeOffset signedInAt)
    {
        var identity = Identity(account.SubjectId, account.DisplayName, account.Role!, account.RegionPrefix);
        identity.SetClaim(Claims.AuthenticationTime, signedInAt.ToUnixTimeSeconds());
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(auth.Audience);
        principal.SetRefreshTokenLifetime(options.Value.SessionIdleLimit);
        return WithDestinations(principal);
    }

    /// <summary>The same staff member at a refresh: role and region as they are now, the session's start kept, the refresh token's life cut at the session's end.</summary>
    public ClaimsPrincipal Refreshed(StaffAccount account, ImmutableArray<string> scopes, DateTimeOffset sessionStart, DateTimeOffset now)
    {
        var principal = ForStaff(account, scopes, sessionStart);
        principal.SetRefreshTokenLifetime(SessionLimits.RefreshLifetime(sessionStart, now, options.Value));
        return principal;
    }

    /// <summary>An integrating system: its configured role and region; its subject is "client:&lt;client id&gt;".</summary>
    public ClaimsPrincipal ForClient(IntegrationClient client)
    {
        var principal = new ClaimsPrincipal(Identity($"client:{client.ClientId}", client.DisplayName ?? client.ClientId, client.Role, client.Region));
        principal.SetResources(auth.Audience);
        return WithDestinations(principal);
    }

    public static DateTimeOffset? SessionStart(ClaimsPrincipal principal) =>
        long.TryParse(principal.GetClaim(Claims.AuthenticationTime), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static ClaimsIdentity Identity(string subject, string name, string role, string region)
    {
        var identity = new ClaimsIdentity(authenticationType: "MassWork", nameType: MassWorkClaims.Name, roleType: MassWorkClaims.Role);
        identity.SetClaim(MassWorkClaims.UserId, subject)
            .SetClaim(MassWorkClaims.Name, name)
            .SetClaim(MassWorkClaims.Region, region)
            .SetClaims(MassWorkClaims.Role, [role]);
        return identity;
    }

    /// <summary>Services read sub, name, role and region from the access token; the console reads who signed in from the identity token.</summary>
    private static ClaimsPrincipal WithDestinations(ClaimsPrincipal principal) =>
        principal.SetDestinations(claim => claim.Type switch
        {
            MassWorkClaims.UserId or MassWorkClaims.Name or MassWorkClaims.Role or MassWorkClaims.Region => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.AuthenticationTime => [Destinations.IdentityToken],
            _ => [],
        });
}
