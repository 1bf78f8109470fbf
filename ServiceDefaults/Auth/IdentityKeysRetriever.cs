using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MassWork.ServiceDefaults.Auth;

/// <summary>
/// Reads the identity service's discovery document, then its key set from the identity service
/// itself at the path the document names: the document's addresses are the public ones (through
/// the gateway), which a service inside the cluster need not be able to reach.
/// </summary>
internal sealed class IdentityKeysRetriever(Uri authority) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel));
        if (string.IsNullOrEmpty(configuration.JwksUri))
        {
            throw new InvalidOperationException($"The identity service's discovery document at {address} names no jwks_uri.");
        }

        var keys = new Uri(authority, new Uri(configuration.JwksUri).PathAndQuery);
        configuration.JsonWebKeySet = new JsonWebKeySet(await retriever.GetDocumentAsync(keys.ToString(), cancel));
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }
}
