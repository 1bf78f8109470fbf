using System.Threading.RateLimiting;
using MassWork.ServiceDefaults.Auth;

namespace MassWork.Gateway.RateLimits;

/// <summary>
/// Which budgets a request draws on. A request passes only if each of its budgets has room:
/// its client address's (the sign-in or public-query one on those paths) and, with a valid token, its user's.
/// Probes (/health, /alive) draw on none.
/// </summary>
public static class RateLimitPartitions
{
    public static readonly string[] SignInPaths = ["/connect", "/account"];

    /// <summary>The public case query (查询), open to anyone without an account.</summary>
    public static readonly string[] PublicQueryPaths = ["/api/petitions/public"];

    public static RateLimitPartition<string> ByAddress(HttpContext context, RateLimitOptions options)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath) || path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath))
        {
            return RateLimitPartition.GetNoLimiter("probe");
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (SignInPaths.Any(p => path.StartsWithSegments(p)))
        {
            return RateLimitPartition.GetFixedWindowLimiter($"sign-in|{address}", _ => Window(options.SignInPerAddress, options.SignInWindow));
        }

        return PublicQueryPaths.Any(p => path.StartsWithSegments(p))
            ? RateLimitPartition.GetFixedWindowLimiter($"public-query|{address}", _ => Window(options.PublicQueryPerAddress, options.PublicQueryWindow))
            : RateLimitPartition.GetFixedWindowLimiter($"address|{address}", _ => Window(options.PerAddress, options.Window));
    }

    /// <summary>The user is who the gateway's own token check found; a missing or invalid token draws on the address alone.</summary>
    public static RateLimitPartition<string> ByUser(HttpContext context, RateLimitOptions options) =>
        context.User.FindFirst(MassWorkClaims.UserId)?.Value is { Length: > 0 } user
            ? RateLimitPartition.GetFixedWindowLimiter($"user|{user}", _ => Window(options.PerUser, options.Window))
            : RateLimitPartition.GetNoLimiter("anonymous");

    // No queue: a client over its budget is told at once when to come back.
    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
