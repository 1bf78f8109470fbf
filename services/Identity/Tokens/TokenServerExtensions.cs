using MassWork.Identity.Keys;
using MassWork.Identity.Sessions;
using MassWork.Identity.SignIn;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MassWork.Identity.Tokens;

public static class TokenServerExtensions
{
    /// <summary>
    /// OpenIddict's server: code flow with PKCE (web console), client credentials (integrating
    /// systems), refresh tokens that rotate at every use with no reuse leeway (a replayed one revokes
    /// its session), revocation and end-session; RS256 JWT access tokens, unencrypted so services read them.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityServiceOptions.Section).Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        if (options.Issuer is null)
        {
            throw new InvalidOperationException($"{IdentityServiceOptions.Section}:Issuer is not configured: the public address of the gateway, e.g. https://masswork.example.gov.cn/.");
        }

        var signingKey = TokenKeys.Signing(options);
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AccountsDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(options.Issuer)
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.OfflineAccess);
                server.AddSigningKey(signingKey)
                    .AddEncryptionKey(TokenKeys.Encryption(options))
                    .DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.SessionIdleLimit)
                    .SetRefreshTokenReuseLeeway(null);
                // TLS ends at the ingress; inside the platform the gateway reaches this service over HTTP.
                server.UseAspNetCore()
                    .DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            });

        // This service checks tokens for its own API with the key it signs them with.
        builder.Services.PostConfigure<JwtBearerOptions>(CallerIdentityExtensions.IdentityScheme, jwt =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = options.Issuer.AbsoluteUri };
            configuration.SigningKeys.Add(new RsaSecurityKey(signingKey.Rsa.ExportParameters(false)) { KeyId = signingKey.KeyId });
            jwt.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

        builder.Services.AddSingleton<StaffPrincipals>();
        builder.Services.AddScoped<SessionRevocation>();
        builder.Services.AddScoped<SecondFactorSms>();
        return builder;
    }
}
