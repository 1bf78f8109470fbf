using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MassWork.Gateway.RateLimits;

public static class RateLimitExtensions
{
    /// <summary>Per-user and per-address limits on every request (<see cref="RateLimitOptions"/>); over the limit is 429 with Retry-After.</summary>
    public static IHostApplicationBuilder AddGatewayRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var options = configured.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartitions.ByAddress(context, options)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartitions.ByUser(context, options)));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => RejectAsync(rejected, options);
        });
        return builder;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitOptions options)
    {
        // Fixed windows know when they reopen; otherwise the longest window is a safe answer.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : new[] { options.Window, options.SignInWindow, options.PublicQueryWindow }.Max();
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This client has used its share of requests for now; retry after {seconds} s.")
            .ExecuteAsync(rejected.HttpContext);
    }
}
