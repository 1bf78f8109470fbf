using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MassWork.AppHost.Servers;

/// <summary>
/// A server is healthy when a client can connect to it. The connection string is resolved on each
/// check: it is known only once DCP has given the server its port.
/// </summary>
internal sealed class ConnectionHealthCheck(IResourceWithConnectionString resource, Func<string, CancellationToken, Task> connect) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException("no connection string yet");
            await connect(connectionString, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{resource.Name}: {ex.Message}");
        }
    }
}

internal static class ConnectionHealthCheckExtensions
{
    /// <summary>Registers the check and attaches it to the resource.</summary>
    public static IResourceBuilder<T> WithConnectionHealthCheck<T>(this IResourceBuilder<T> resource, Func<string, CancellationToken, Task> connect)
        where T : IResourceWithConnectionString
    {
        var key = $"{resource.Resource.Name}_check";
        resource.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key,
            _ => new ConnectionHealthCheck(resource.Resource, connect), failureStatus: default, tags: default));
        return resource.WithHealthCheck(key);
    }
}
