using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MassWork.ServiceDefaults.Auth;

public static class CallerIdentityExtensions
{
    /// <summary>The default scheme: hands each bearer token to the scheme of its issuer.</summary>
    public const string Scheme = "masswork";

    /// <summary>Access tokens of the identity service, checked against its published keys.</summary>
    public const string IdentityScheme = "identity";

    /// <summary>HMAC tokens of /dev/token and the tests; registered in Development only.</summary>
    public const string DevScheme = "dev";

    /// <summary>The HTTP client that reads the identity service's discovery document and keys.</summary>
    public const string KeysClient = "identity-keys";

    /// <summary>
    /// Every endpoint needs a valid MassWork bearer token unless it opts out (health, OpenAPI), and a
    /// role holding its permission (<see cref="Permissions"/>; <see cref="Permissions.Work"/> if it names none).
    /// Tokens come from the identity service (RS256, its keys read from Auth:Authority); in
    /// Development, HMAC tokens signed with Auth:SigningKey are accepted too. A token without a user
    /// id or a well-formed region claim is rejected with 401.
    /// </summary>
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(options);
        var devTokens = builder.Environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.SigningKey);

        var authentication = builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "MassWork bearer token", policy =>
                policy.ForwardDefaultSelector = context => devTokens && IsDevToken(context) ? DevScheme : IdentityScheme)
            .AddJwtBearer(IdentityScheme, jwt =>
            {
                Common(jwt, options);
                // Only access tokens: an identity token names the client as its audience and is refused anyway.
                jwt.TokenValidationParameters.ValidTypes = ["at+jwt"];
                jwt.RequireHttpsMetadata = false;
            });
        if (devTokens)
        {
            authentication.AddJwtBearer(DevScheme, jwt =>
            {
                Common(jwt, options);
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = DevSigningKey(options);
            });
        }

        // The discovery document names the public issuer (the gateway's address); the keys are read
        // from the identity service itself, by its service-discovery name, whatever that address is.
        builder.Services.AddHttpClient(KeysClient);
        builder.Services.AddOptions<JwtBearerOptions>(IdentityScheme).Configure<IHttpClientFactory>((jwt, clients) =>
        {
            if (options.Authority is { } authority)
            {
                jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    new Uri(authority, ".well-known/openid-configuration").ToString(),
                    new IdentityKeysRetriever(authority),
                    new HttpDocumentRetriever(clients.CreateClient(KeysClient)) { RequireHttps = false });
            }
        });
        builder.Services.AddSingleton<RevokedTokens>();
        if (options.Authority is not null)
        {
            builder.Services.AddScoped<IRevokedTokenSource, IdentityRevokedTokens>();
            builder.Services.AddHostedService<RevokedTokensRefresher>();
        }

        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<IValidateOptions<JwtBearerOptions>, IdentityKeysRequired>();
            builder.Services.AddOptions<JwtBearerOptions>(IdentityScheme).ValidateOnStart();
        }

        // Token lifetimes are checked against the process's clock, not the library's own reading of
        // the system time, so a token is valid exactly when the platform says it is.
        foreach (var scheme in devTokens ? new[] { IdentityScheme, DevScheme } : [IdentityScheme])
        {
            builder.Services.AddOptions<JwtBearerOptions>(scheme).Configure<TimeProvider>((jwt, time) =>
            {
                jwt.TokenValidationParameters.LifetimeValidator =
                    (notBefore, expires, _, parameters) => TokenLifetime.IsValid(notBefore, expires, time.GetUtcNow(), parameters.ClockSkew);
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new CachingTokenHandler(time) { MapInboundClaims = false });
            });
        }

        // One policy per permission of the role matrix; an endpoint naming none needs Permissions.Work.
        builder.Services.AddAuthorizationBuilder().AddPermissionPolicies();
        return builder;
    }

    private static void Common(JwtBearerOptions jwt, AuthOptions options)
    {
        jwt.MapInboundClaims = false;
        // Nothing reads the bearer token back from the authentication properties: keeping it there costs a dictionary a request.
        jwt.SaveToken = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = options.Audience,
            NameClaimType = MassWorkClaims.Name,
            RoleClaimType = MassWorkClaims.Role,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = ctx =>
            {
                if (ctx.Principal is null || Caller.FromPrincipal(ctx.Principal) is null)
                {
                    ctx.Fail("The token lacks a user id or a valid region claim.");
                }
                else if (ctx.Principal.FindFirst(MassWorkClaims.TokenId)?.Value is { } id && ctx.HttpContext.RequestServices.GetRequiredService<RevokedTokens>().Contains(id))
                {
                    ctx.Fail("The token was revoked.");
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// A Development token is the only kind signed with an HMAC key (the identity service signs with
    /// RSA), so its header alone tells the two apart: the payload is parsed once, by its scheme.
    /// </summary>
    private static bool IsDevToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && SignedWithHmac(header.AsSpan("Bearer ".Length).Trim());
    }

    internal static bool SignedWithHmac(ReadOnlySpan<char> token)
    {
        var dot = token.IndexOf('.');
        Span<byte> json = stackalloc byte[MaxHeaderBytes];
        if (dot <= 0 || !Base64Url.IsValid(token[..dot], out var length) || length > MaxHeaderBytes
            || !Base64Url.TryDecodeFromChars(token[..dot], json, out var written))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json[..written]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAlg = reader.ValueTextEquals("alg"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isAlg)
                {
                    return reader.TokenType == JsonTokenType.String && reader.ValueSpan.StartsWith("HS"u8);
                }

                reader.TrySkip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A JWT header is a few dozen bytes; anything longer is no token of ours.</summary>
    private const int MaxHeaderBytes = 512;

    internal static SymmetricSecurityKey DevSigningKey(AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is not configured. The AppHost sets it for every process it starts in Development; " +
                "elsewhere set Auth__SigningKey to a base64 key of at least 32 bytes.");
        }

        var bytes = Convert.FromBase64String(options.SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must hold at least 32 bytes.");
        }

        return new SymmetricSecurityKey(bytes);
    }

    /// <summary>Outside Development, identity tokens are the only tokens: a service that cannot check them must not start.</summary>
    private sealed class IdentityKeysRequired : IValidateOptions<JwtBearerOptions>
    {
        public ValidateOptionsResult Validate(string? name, JwtBearerOptions options) =>
            name != IdentityScheme || options.ConfigurationManager is not null || options.Configuration is not null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Auth:Authority is not configured: set it to the identity service's address (e.g. http://identity).");
    }
}
