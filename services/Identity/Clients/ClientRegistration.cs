using MassWork.ServiceDefaults.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Permissions = OpenIddict.Abstractions.OpenIddictConstants.Permissions;

namespace MassWork.Identity.Clients;

/// <summary>
/// Makes the registered clients what configuration says at every start: the web console (public,
/// code flow with PKCE) and each integrating system (confidential, client credentials). A system
/// removed from configuration is removed here, so its credentials stop working.
/// </summary>
public sealed class ClientRegistration(IServiceScopeFactory scopes, IOptions<IdentityServiceOptions> options, ILogger<ClientRegistration> logger) : IHostedService
{
    public const string ConsoleClientId = "masswork-console";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Validate(options.Value);
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        // OpenIddict's stores save through this scope's context, so their changes are inside the lock's transaction.
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await AdvisoryLock.OneAtATimeAsync(db, "identity-client-registration", () => MatchConfigurationAsync(applications, cancellationToken), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MatchConfigurationAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var wanted = new List<OpenIddictApplicationDescriptor> { Console(options.Value) };
        wanted.AddRange(options.Value.Clients.Select(Integration));

        foreach (var descriptor in wanted)
        {
            if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                logger.LogInformation("Registered client {ClientId}", descriptor.ClientId);
            }
        }

        var keep = wanted.Select(d => d.ClientId).ToHashSet();
        var removed = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (!keep.Contains(await applications.GetClientIdAsync(application, cancellationToken)))
            {
                removed.Add(application);
            }
        }

        foreach (var application in removed)
        {
            logger.LogInformation("Removed client {ClientId}: no longer configured", await applications.GetClientIdAsync(application, cancellationToken));
            await applications.DeleteAsync(application, cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor Console(IdentityServiceOptions options)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ConsoleClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "群众工作平台工作台",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        var redirects = options.ConsoleRedirectUris.Count > 0 ? options.ConsoleRedirectUris : [new Uri(options.Issuer!, "console/signed-in")];
        foreach (var uri in redirects)
        {
            descriptor.RedirectUris.Add(uri);
        }

        descriptor.PostLogoutRedirectUris.Add(new Uri(options.Issuer!, "console/"));
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor Integration(IntegrationClient client) => new()
    {
        ClientId = client.ClientId,
        ClientSecret = client.ClientSecret,
        ClientType = ClientTypes.Confidential,
        DisplayName = client.DisplayName ?? client.ClientId,
        Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
    };

    /// <summary>A misconfigured client stops the start with the setting to fix, not a token nobody can use.</summary>
    private static void Validate(IdentityServiceOptions options)
    {
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            var setting = $"{IdentityServiceOptions.Section}:Clients:{i}";
            if (string.IsNullOrWhiteSpace(client.ClientId) || client.ClientId == ConsoleClientId)
            {
                throw new InvalidOperationException($"{setting}:ClientId is required and may not be {ConsoleClientId}.");
            }

            if (client.ClientSecret.Length < 24)
            {
                throw new InvalidOperationException($"{setting}:ClientSecret must be at least 24 characters.");
            }

            if (!Roles.All.Contains(client.Role))
            {
                throw new InvalidOperationException($"{setting}:Role must be one of {string.Join(", ", Roles.All)}.");
            }

            if (!RegionPrefixes.IsValid(client.Region))
            {
                throw new InvalidOperationException($"{setting}:Region must be a division code prefix of 2, 4, 6, 9 or 12 digits.");
            }
        }
    }
}
