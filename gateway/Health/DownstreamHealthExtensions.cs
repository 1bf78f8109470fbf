namespace MassWork.Gateway.Health;

public static class DownstreamHealthExtensions
{
    /// <summary>The gateway's /health reports each service; one unhealthy service makes it unhealthy.</summary>
    public static IHostApplicationBuilder AddDownstreamHealthChecks(this IHostApplicationBuilder builder, IEnumerable<string> services)
    {
        // A probe must answer fast and honestly: no retries, a short timeout. (The API that drops
        // the default resilience handler is marked experimental but is the supported way.)
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(DownstreamHealthCheck.ClientName, c => c.Timeout = TimeSpan.FromSeconds(5))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        var checks = builder.Services.AddHealthChecks();
        foreach (var service in services)
        {
            checks.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                service,
                sp => new DownstreamHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), service),
                failureStatus: null,
                tags: null));
        }

        return builder;
    }
}
