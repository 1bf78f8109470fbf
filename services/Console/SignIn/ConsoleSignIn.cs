using System.Security.Claims;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Clock;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MassWork.Console.SignIn;

/// <summary>
/// Staff sign in through the identity service (authorization code with PKCE; the password and the
/// authenticator code are asked on its pages), as the public client <c>masswork-console</c>. The
/// session is a cookie of the console's own holding the tokens (as dotnet/eShop's WebApp does); pages
/// call the APIs through the gateway with the user's access token, so every service applies the
/// user's own role and region, and the console never holds more rights than the person using it.
/// </summary>
public static class ConsoleSignIn
{
    public const string ClientId = "masswork-console";

    /// <summary>The address the identity service sends the browser back to with the code (registered for this client).</summary>
    public const string CallbackPath = "/console/signed-in";

    /// <summary>Where the identity service returns after signing out (registered for this client).</summary>
    public const string SignedOutCallbackPath = "/console/";

    public const string SignedOutPage = "/signed-out";

    public const string SignInFailedPage = "/sign-in-failed";

    /// <summary>
    /// Cookies' expiry and the session's token times are judged by the browser on the real clock, so
    /// they are dated by it; a test run's shifted platform clock would date them in the past and the
    /// browser would drop them. Tokens' own lifetimes are the identity service's, on the platform clock.
    /// </summary>
    public static readonly TimeProvider BrowserClock = TimeProvider.System;

    public static IHostApplicationBuilder AddConsoleSignIn(this IHostApplicationBuilder builder)
    {
        // The browser reaches the console through the gateway: the sign-in's return address and the
        // cookie are the gateway's (scheme and host forwarded by it; only the gateway reaches the console).
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });

        var platformClock = ClockExtensions.ClockFor(builder.Configuration, builder.Environment);
        var authority = builder.Configuration["Console:Authority"]
            ?? throw new InvalidOperationException("Console:Authority (the gateway's public address, the identity service's issuer) is required.");
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "masswork-console";
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.AccessDeniedPath = "/refused";
                cookie.TimeProvider = BrowserClock;
                cookie.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<TokenRefresh>().ValidateAsync(context);
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = authority;
                oidc.TimeProvider = BrowserClock;
                oidc.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                oidc.ClientId = ClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                // The code comes back in the query: a form_post answer needs a script, which no page here may run.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("offline_access");
                oidc.CallbackPath = CallbackPath;
                oidc.SignedOutCallbackPath = SignedOutCallbackPath;
                oidc.SignedOutRedirectUri = SignedOutPage;
                oidc.SaveTokens = true;
                // The code returns by a top-level GET (Lax suffices), and over plain HTTP on a local run, where a Secure cookie would be dropped.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                // The identity token carries MassWork's own claim names (sub, name, role, region): kept as they are.
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = MassWorkClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = MassWorkClaims.Role;
                // The identity service dates its tokens by the platform's clock; they are judged by the same one.
                oidc.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
                    TokenLifetimes.Valid(notBefore, expires, parameters.ClockSkew, platformClock.GetUtcNow());
                oidc.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSignIn))
                        .LogWarning(context.Failure, "Sign-in did not complete");
                    // A stale or interrupted sign-in (an old tab, the back button) gets a page that offers to start again, not an error.
                    context.Response.Redirect(SignInFailedPage);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        // The role matrix decides what the console offers (a page naming a permission, as the services' endpoints do).
        builder.Services.AddAuthorizationBuilder().AddPermissionPolicies();
        builder.Services.AddSingleton<TokenRefresh>();
        // Sessions survive a restart when the keys protecting the cookies are kept (the AppHost keeps them in its data folder).
        if (builder.Configuration["Console:KeysFolder"] is { Length: > 0 } keys)
        {
            builder.Services.AddDataProtection().SetApplicationName("masswork-console").PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        return builder;
    }

    public static WebApplication MapConsoleSignIn(this WebApplication app)
    {
        // A form post (with the antiforgery token), so a link or an image elsewhere cannot sign a user out.
        app.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = SignedOutPage });
        }).RequireAuthorization(policy => policy.RequireAuthenticatedUser());
        return app;
    }

    /// <summary>The signed-in user's MassWork roles.</summary>
    public static IReadOnlyList<string> Roles(this ClaimsPrincipal user) =>
        [.. user.FindAll(MassWorkClaims.Role).Select(c => c.Value)];

    /// <summary>The division-code prefix the user's work covers.</summary>
    public static string Region(this ClaimsPrincipal user) => user.FindFirstValue(MassWorkClaims.Region) ?? "";
}
