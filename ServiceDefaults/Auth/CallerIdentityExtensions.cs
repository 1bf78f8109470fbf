using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace MassWork.ServiceDefaults.Auth;

public static class CallerIdentityExtensions
{
    /// <summary>
    /// Every endpoint needs a valid MassWork bearer token unless it opts out (health, OpenAPI).
    /// A token without a user id or a well-formed region claim is rejected with 401.
    /// </summary>
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(options);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = SigningKey(options),
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

                        return Task.CompletedTask;
                    },
                };
            });

        // Token lifetimes are checked against the process's clock, not the library's own reading of
        // the system time, so a token is valid exactly when the platform says it is.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((jwt, time) => jwt.TokenValidationParameters.LifetimeValidator =
                (notBefore, expires, _, parameters) => TokenLifetime.IsValid(notBefore, expires, time.GetUtcNow(), parameters.ClockSkew));

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    internal static SymmetricSecurityKey SigningKey(AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is not configured. The AppHost sets it for every process it starts; " +
                "elsewhere set Auth__SigningKey to a base64 key of at least 32 bytes.");
        }

        var bytes = Convert.FromBase64String(options.SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must hold at least 32 bytes.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
