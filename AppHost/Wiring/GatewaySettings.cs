using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Wiring;

public static class GatewaySettings
{
    /// <summary>
    /// Proxies on this machine: the console, which calls the APIs on a browser's behalf and passes its
    /// address on, so the per-address limits count each browser rather than the console. This is
    /// ASP.NET Core's own default; an address elsewhere is still believed only when configured.
    /// </summary>
    public const string LocalProxies = "127.0.0.0/8,::1/128";

    /// <summary>
    /// The gateway's rate limits (Gateway:RateLimits:…) and the proxies whose forwarded headers it
    /// believes (Gateway:TrustedProxies; <see cref="LocalProxies"/> unless set, an empty value trusting none).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewaySettings(this IResourceBuilder<ProjectResource> gateway, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Gateway:RateLimits");
        return gateway
            .WithEnvironment("RateLimits__Window", limits["Window"] ?? "00:01:00")
            .WithEnvironment("RateLimits__PerUser", limits["PerUser"] ?? "600")
            .WithEnvironment("RateLimits__PerAddress", limits["PerAddress"] ?? "3000")
            .WithEnvironment("RateLimits__SignInWindow", limits["SignInWindow"] ?? "00:01:00")
            .WithEnvironment("RateLimits__SignInPerAddress", limits["SignInPerAddress"] ?? "60")
            .WithEnvironment("RateLimits__PublicQueryWindow", limits["PublicQueryWindow"] ?? "00:10:00")
            .WithEnvironment("RateLimits__PublicQueryPerAddress", limits["PublicQueryPerAddress"] ?? "30")
            .WithEnvironment("TrustedProxies__Networks", configuration["Gateway:TrustedProxies"] ?? LocalProxies);
    }
}
