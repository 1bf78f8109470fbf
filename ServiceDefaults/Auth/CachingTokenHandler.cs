using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MassWork.ServiceDefaults.Auth;

/// <summary>
/// Validates a bearer token in full once (signature, issuer, audience, type, lifetime) and remembers
/// it, so the next requests bearing the same token, in the gateway and again in the service behind
/// it, skip parsing its JSON and checking its signature. What can change since is checked on every
/// request: its lifetime against the platform clock, and that its issuer and the key that signed it
/// are still trusted (a key the identity service no longer publishes ends its tokens). Revocation is
/// checked for every request after this, in <c>OnTokenValidated</c>. One instance per scheme: what a
/// token was validated against is that scheme's parameters.
/// </summary>
internal sealed class CachingTokenHandler(TimeProvider time, int capacity = CachingTokenHandler.Capacity) : JsonWebTokenHandler
{
    /// <summary>
    /// Bounds the memory (a few kilobytes an entry): when full it is emptied, and each token in use
    /// is validated once more.
    /// </summary>
    internal const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, JsonWebToken> _validated = new(StringComparer.Ordinal);

    /// <summary>Entries held, kept apart because the dictionary's own count takes every one of its locks.</summary>
    private int _count;

    internal int Count => Volatile.Read(ref _count);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out var known))
        {
            if (await StillTrustedAsync(known, validationParameters))
            {
                // A fresh identity each request: whatever one request's pipeline does to its claims stays there.
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = known,
                    Issuer = known.Issuer,
                    ClaimsIdentity = CreateClaimsIdentity(known, validationParameters),
                };
            }

            if (_validated.TryRemove(token, out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result is { IsValid: true, SecurityToken: JsonWebToken validated } && validated.SigningKey is not null)
        {
            if (Count >= capacity)
            {
                _validated.Clear();
                Volatile.Write(ref _count, 0);
            }

            if (_validated.TryAdd(token, validated))
            {
                Interlocked.Increment(ref _count);
            }
        }

        return result;
    }

    /// <summary>
    /// The identity scheme's issuer and keys are not in the parameters but in the discovery document
    /// its configuration manager holds (ASP.NET Core hands the manager on since .NET 8); the
    /// Development scheme's are in the parameters.
    /// </summary>
    private async ValueTask<bool> StillTrustedAsync(JsonWebToken token, TokenValidationParameters parameters)
    {
        if (!TokenLifetime.IsValid(token.ValidFrom == DateTime.MinValue ? null : token.ValidFrom, token.ValidTo == DateTime.MinValue ? null : token.ValidTo,
                time.GetUtcNow(), parameters.ClockSkew))
        {
            return false;
        }

        var published = parameters.ConfigurationManager is { } manager ? await manager.GetBaseConfigurationAsync(CancellationToken.None) : null;
        return IssuerTrusted(token.Issuer, parameters, published) && KeyTrusted(token.SigningKey, parameters, published);
    }

    private static bool IssuerTrusted(string issuer, TokenValidationParameters parameters, BaseConfiguration? published) =>
        string.Equals(parameters.ValidIssuer, issuer, StringComparison.Ordinal)
        || (parameters.ValidIssuers?.Contains(issuer, StringComparer.Ordinal) ?? false)
        || string.Equals(published?.Issuer, issuer, StringComparison.Ordinal);

    /// <summary>The key is one configured, or one the identity service still publishes (by key id, as JWKS rotation goes).</summary>
    private static bool KeyTrusted(SecurityKey key, TokenValidationParameters parameters, BaseConfiguration? published) =>
        Same(parameters.IssuerSigningKey, key)
        || (parameters.IssuerSigningKeys?.Any(k => Same(k, key)) ?? false)
        || (published?.SigningKeys.Any(k => Same(k, key)) ?? false);

    private static bool Same(SecurityKey? trusted, SecurityKey key) =>
        trusted is not null && (ReferenceEquals(trusted, key) || (key.KeyId is { Length: > 0 } id && string.Equals(trusted.KeyId, id, StringComparison.Ordinal)));
}
