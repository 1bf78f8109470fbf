using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Clock;
using MassWork.ServiceDefaults.Errors;
using MassWork.ServiceDefaults.Http;
using MassWork.ServiceDefaults.Messaging.FailedMessages;
using MassWork.ServiceDefaults.Redaction;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every MassWork process shares: telemetry, health, service discovery, resilient HTTP
/// clients, ProblemDetails for every error, caller identity and the clock.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";

    /// <summary>Sources our own code traces (outbox relay, consumers).</summary>
    public const string ActivitySourceName = "MassWork";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();
        builder.AddCallerIdentity();
        return builder;
    }

    /// <summary>
    /// Everything but bearer-token authentication: for a process that signs its users in itself (the
    /// console's cookies) and so must not validate tokens nor poll the identity service's revoked list.
    /// </summary>
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // One circuit per destination: registered as a default, the handler's pipeline is otherwise
            // shared by every client of the process (dotnet/extensions#5021), so an unreachable identity
            // service would open the circuit on the console's gateway calls or the SMS provider's.
            http.AddStandardResilienceHandler().SelectPipelineByAuthority();
            http.AddServiceDiscovery();
        });

        builder.AddPlatformClock();
        builder.AddErrorHandling();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Every SQL statement at Information drowns the log; failures still log as errors.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        // Phones and ID numbers never reach a log or a trace (PIPL): masked before any provider or exporter.
        builder.Services.AddLogRedaction();

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(ActivitySourceName))
            .WithTracing(tracing => tracing
                .AddTraceRedaction()
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(ActivitySourceName)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments(HealthPath)
                                      && !ctx.Request.Path.StartsWithSegments(AlivePath))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> is readiness (every check, including database and broker); <c>/alive</c>
    /// only says the process answers. Both are anonymous so orchestrators can probe them. A service
    /// with messaging also gets its operator's failed-message endpoints.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) })
            .AllowAnonymous();
        if (app.Services.GetService<ServiceQueues>() is { } queues)
        {
            app.MapFailedMessageEndpoints(queues.Service);
        }

        return app;
    }

    /// <summary>The middleware order every service uses, so none forgets one.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTextGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotencyBuffering();
        return app;
    }
}
