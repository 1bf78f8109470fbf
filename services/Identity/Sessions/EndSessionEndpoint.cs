using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace MassWork.Identity.Sessions;

/// <summary>
/// Logout (RP-initiated, /connect/logout with id_token_hint): the session the identity token
/// belongs to is revoked with all its tokens, then the browser returns to the console.
/// </summary>
public static class EndSessionEndpoint
{
    public static IEndpointRouteBuilder MapEndSessionEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http, SessionRevocation sessions, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        await sessions.RevokeAsync(result.Principal?.GetAuthorizationId(), cancellationToken);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
