using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassWork.AppHost.Supervision;

/// <summary>
/// Brings back a service that exits on its own with a failure (a crash, an out-of-memory kill), as
/// a Kubernetes restart policy would: DCP does not restart executables. Waits 1 s, doubling to
/// 30 s while it keeps failing. A clean exit (code 0, e.g. Stop in the dashboard) is left alone.
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
        var backoff = new Dictionary<string, TimeSpan>();
        await foreach (var e in notifications.WatchAsync(stoppingToken))
        {
            var name = e.Resource.Name;
            if (!services.Contains(name) || lifetime.ApplicationStopping.IsCancellationRequested)
            {
                continue;
            }

            var state = e.Snapshot.State?.Text;
            if (state == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                backoff.Remove(name);
            }

            if (state is not ("Exited" or "Finished" or "FailedToStart") || e.Snapshot.ExitCode is 0 || !_restarting.TryAdd(name, true))
            {
                continue;
            }

            var delay = backoff.GetValueOrDefault(name, TimeSpan.FromSeconds(1));
            backoff[name] = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            logger.LogWarning("{Service} exited with code {ExitCode}; restarting in {Delay} s", name, e.Snapshot.ExitCode, delay.TotalSeconds);
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
