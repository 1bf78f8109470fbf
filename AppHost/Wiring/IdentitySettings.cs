using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Wiring;

public static class IdentitySettings
{
    /// <summary>Session limits, lockout, the integrating systems and the first operator, from the AppHost's own Identity:… settings.</summary>
    public static IResourceBuilder<ProjectResource> WithIdentitySettings(this IResourceBuilder<ProjectResource> identity, IConfiguration configuration)
    {
        var section = configuration.GetSection("Identity");
        identity
            .WithEnvironment("Identity__AccessTokenLifetime", section["AccessTokenLifetime"] ?? "00:10:00")
            .WithEnvironment("Identity__SessionIdleLimit", section["SessionIdleLimit"] ?? "00:30:00")
            .WithEnvironment("Identity__SessionAbsoluteLimit", section["SessionAbsoluteLimit"] ?? "12:00:00")
            .WithEnvironment("Identity__LockoutFailures", section["LockoutFailures"] ?? "5")
            .WithEnvironment("Identity__LockoutDuration", section["LockoutDuration"] ?? "00:15:00");
        foreach (var client in section.GetSection("Clients").GetChildren())
        {
            foreach (var setting in client.GetChildren())
            {
                identity.WithEnvironment($"Identity__Clients__{client.Key}__{setting.Key}", setting.Value ?? "");
            }
        }

        foreach (var setting in section.GetSection("FirstOperator").GetChildren())
        {
            identity.WithEnvironment($"Identity__FirstOperator__{setting.Key}", setting.Value ?? "");
        }

        return identity;
    }
}
