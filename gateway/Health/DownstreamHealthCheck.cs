using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MassWork.Gateway.Health;

/// <summary>Healthy when the service's own /health (database and broker) answers 200.</summary>
internal sealed class DownstreamHealthCheck(IHttpClientFactory clients, string service) : IHealthCheck
{
    public const string ClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync($"http://{service}{ServiceDefaultsExtensions.HealthPath}", cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{service} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{service} unreachable: {ex.Message}");
        }
    }
}
