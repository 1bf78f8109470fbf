using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Wiring;

public static class RetentionSettings
{
    /// <summary>How long each service keeps sent outbox rows, inbox rows and idempotency keys, and how often it clears them (Retention:…).</summary>
    public static IResourceBuilder<ProjectResource> WithRetention(this IResourceBuilder<ProjectResource> service, IConfiguration configuration)
    {
        var section = configuration.GetSection("Retention");
        return service
            .WithEnvironment("Retention__Outbox", section["Outbox"] ?? "7.00:00:00")
            .WithEnvironment("Retention__Inbox", section["Inbox"] ?? "30.00:00:00")
            .WithEnvironment("Retention__IdempotencyKeys", section["IdempotencyKeys"] ?? "1.00:00:00")
            .WithEnvironment("Retention__Interval", section["Interval"] ?? "01:00:00");
    }
}
