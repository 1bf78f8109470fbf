using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace MassWork.ServiceDefaults.Redaction;

public static class RedactionExtensions
{
    /// <summary>
    /// Puts <see cref="RedactingLoggerFactory"/> in front of the logger factory the host registered,
    /// so no log provider, present or added later, receives an unredacted entry.
    /// </summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RedactingLoggerFactory)))
        {
            return services;
        }

        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory));
        if (registered?.ImplementationType is not { } factoryType)
        {
            throw new InvalidOperationException("Log redaction wraps the host's LoggerFactory; add logging first.");
        }

        services.Remove(registered);
        // The host's factory, built by the container as before (and disposed by it).
        services.Add(new ServiceDescriptor(factoryType, factoryType, registered.Lifetime));
        services.Add(new ServiceDescriptor(typeof(RedactingLoggerFactory),
            sp => new RedactingLoggerFactory((ILoggerFactory)sp.GetRequiredService(factoryType)), registered.Lifetime));
        services.Add(new ServiceDescriptor(typeof(ILoggerFactory), sp => sp.GetRequiredService<RedactingLoggerFactory>(), registered.Lifetime));
        return services;
    }

    /// <summary>Redacts spans before the exporters added after it see them.</summary>
    public static TracerProviderBuilder AddTraceRedaction(this TracerProviderBuilder tracing) =>
        tracing.AddProcessor(new RedactingActivityProcessor());
}
