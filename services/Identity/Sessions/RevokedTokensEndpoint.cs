using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MassWork.Identity.Sessions;

/// <summary>
/// The access tokens revoked before they expired (logout, a replayed refresh token, a disabled
/// account, /connect/revoke): every service reads this list every few seconds and refuses them.
/// Inside the platform only — the gateway does not route /internal.
/// </summary>
public sealed class LocalRevokedTokens(AccountsDbContext db, TimeProvider time) : IRevokedTokenSource
{
    public async Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Status == Statuses.Revoked && t.ExpirationDate > now && (t.Type == TokenTypeIdentifiers.AccessToken || t.Type == TokenTypeHints.AccessToken))
            .Select(t => t.Id!)
            .ToListAsync(cancellationToken);
    }
}

public static class RevokedTokensEndpoint
{
    public static IEndpointRouteBuilder MapRevokedTokensEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/internal/revoked-tokens", (LocalRevokedTokens source, CancellationToken cancellationToken) => source.ListAsync(cancellationToken))
            .AllowAnonymous().ExcludeFromDescription();
        return routes;
    }
}
