namespace MassWork.Identity.Sessions;

/// <summary>
/// Ends sessions: the OpenIddict authorization a sign-in created and every token issued under it
/// (the refresh token chain and the access tokens), so none of them is accepted again.
/// </summary>
public sealed class SessionRevocation(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task RevokeAsync(string? authorizationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationId))
        {
            return;
        }

        if (await authorizations.FindByIdAsync(authorizationId, cancellationToken) is { } authorization)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
    }

    /// <summary>Every session of a subject: its account was disabled.</summary>
    public async Task RevokeAllAsync(string subject, CancellationToken cancellationToken)
    {
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            await RevokeAsync(await authorizations.GetIdAsync(authorization, cancellationToken), cancellationToken);
        }
    }
}
