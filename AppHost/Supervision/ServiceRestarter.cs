using System.Collections.Concurrent;
using MassWork.AppHost.Servers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassWork.AppHost.Supervision;

/// <summary>
/// Brings back a service that exits on its own with a failure (a crash, an out-of-memory kill), as
/// a Kubernetes restart policy would: DCP does not restart executables. Waits 1 s, doubling to
/// 30 s while it keeps failing. A service's clean exit (code 0, e.g. Stop in the dashboard) is left
/// alone. The local PostgreSQL and RabbitMQ are brought back however they stopped (pg_ctl stop and
/// rabbitmqctl stop exit with 0 too): every service needs them, and the services' health answers
/// 503 naming them until they are back.
/// </summary>
internal sealed class ServiceRestarter(
    DistributedApplicationModel model, ResourceNotificationService notifications, ResourceCommandService commands,
    IHostApplicationLifetime lifetime, ILogger<ServiceRestarter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, bool> _restarting = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = model.Resources.OfType<ProjectResource>().Select(r => r.Name).ToHashSet();
        var servers = model.Resources.Where(r => r is LocalPostgresResource or LocalRabbitMQResource).Select(r => r.Name).ToHashSet();
        var backoff = new Dictionary<string, TimeSpan>();
        var ranOnce = new HashSet<string>();
        await foreach (var e in notifications.WatchAsync(stoppingToken))
        {
            var name = e.Resource.Name;
            var server = servers.Contains(name);
            if (!(server || services.Contains(name)) || lifetime.ApplicationStopping.IsCancellationRequested)
            {
                continue;
            }

            var state = e.Snapshot.State?.Text;
            if (state == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                backoff.Remove(name);
                ranOnce.Add(name);
            }

            // A server that never ran is a failed start-up, the StartupWatch's to report.
            if (server && !ranOnce.Contains(name))
            {
                continue;
            }

            if (state is not ("Exited" or "Finished" or "FailedToStart") || (e.Snapshot.ExitCode is 0 && !server) || !_restarting.TryAdd(name, true))
            {
                continue;
            }

            var delay = backoff.GetValueOrDefault(name, TimeSpan.FromSeconds(1));
            backoff[name] = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            if (server)
            {
                logger.LogWarning("Server {Server} stopped (exit code {ExitCode}); the services answer 503 until it is back; restarting it in {Delay} s",
                    name, e.Snapshot.ExitCode, delay.TotalSeconds);
            }
            else
            {
                logger.LogWarning("{Service} exited with code {ExitCode}; restarting in {Delay} s", name, e.Snapshot.ExitCode, delay.TotalSeconds);
            }
            _ = RestartAsync(e.ResourceId, name, delay, stoppingToken);
        }
    }

    private async Task RestartAsync(string resourceId, string name, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogError("Restarting {Service} failed: {Error}", name, result.Message);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _restarting.TryRemove(name, out _);
        }
    }
}
