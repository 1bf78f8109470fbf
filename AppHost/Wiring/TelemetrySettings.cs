using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Wiring;

public static class TelemetrySettings
{
    /// <summary>
    /// The share of traces kept (Telemetry:TraceSampleRatio, 0–1; every trace unless given): a
    /// request's trace is kept or dropped as a whole, following the caller's decision when it
    /// has one. Logs and metrics are not sampled.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> project, IConfiguration configuration) =>
        configuration["Telemetry:TraceSampleRatio"] is { Length: > 0 } ratio
            ? project.WithEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio").WithEnvironment("OTEL_TRACES_SAMPLER_ARG", ratio)
            : project;
}
