using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MassWork.AppHost.Supervision;

/// <summary>What a developer needs once the platform is up: where the gateway and the dashboard answer.</summary>
internal static class ReadyBanner
{
    public static void Print(DistributedApplicationModel model, IConfiguration configuration, ILogger logger)
    {
        var gateway = model.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway").GetEndpoint("http").Url;
        var dashboard = configuration["ASPNETCORE_URLS"]?.Split(';')[0];
        var lines = new List<string>
        {
            "MassWork is running.",
            $"  Gateway:        {gateway}   (health: {gateway}/health)",
            $"  API reference:  {gateway}/scalar",
        };
        // The dashboard is a resource of the model when it runs (not under AppHost:Dashboard=false, nor in tests).
        if (dashboard is not null && model.Resources.Any(r => r.Name == "aspire-dashboard"))
        {
            lines.Add($"  Dashboard:      {dashboard}   (resources, logs, traces, metrics)");
        }

        if (configuration["AppHost:Environment"] is null or "Development")
        {
            lines.Add($"  Dev token:      curl -s -X POST {gateway}/dev/token -H 'Content-Type: application/json' -d '{{\"roles\":[\"town-staff\"],\"region\":\"360702\"}}'");
        }

        lines.Add("Press Ctrl+C to stop.");
        logger.LogInformation("{Banner}", string.Join('\n', lines));
    }
}
