using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassWork.AppHost.Supervision;

/// <summary>
/// Start-up ends in a running platform or in a clear failure, never in silent waiting: a server or
/// set-up step that exits (Aspire would leave what waits for it "Waiting" forever), or anything
/// not healthy within AppHost:StartTimeout (3 minutes), is reported with its last log lines and
/// the AppHost stops with exit code 1. Once the platform runs, the watch ends: servers that stop and
/// services that crash are the <see cref="ServiceRestarter"/>'s.
/// </summary>
internal sealed class StartupWatch(
    DistributedApplicationModel model, ResourceNotificationService notifications, ResourceLoggerService logs,
    IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<StartupWatch> logger) : BackgroundService
{
    private const int LogLines = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = TimeSpan.TryParse(configuration["AppHost:StartTimeout"], out var t) ? t : TimeSpan.FromMinutes(3);
        // Resources started on demand only (the "-rebuilder" helpers Aspire adds per project) are not waited for.
        var watched = model.Resources.Where(r => r is ProjectResource or ExecutableResource || r.IsContainer())
            .Where(r => !r.Annotations.OfType<ExplicitStartupAnnotation>().Any()).ToList();
        var setUpSteps = model.Resources.SelectMany(r => r.Annotations.OfType<WaitAnnotation>())
            .Where(w => w.WaitType == WaitType.WaitForCompletion).Select(w => w.Resource).ToHashSet();
        var servers = watched.Where(r => r is not ProjectResource && !setUpSteps.Contains(r)).ToHashSet();
        var pending = watched.Select(r => r.Name).ToHashSet();
        var shown = new Dictionary<string, string>();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(timeout);
        try
        {
            await foreach (var e in notifications.WatchAsync(deadline.Token))
            {
                var resource = e.Resource;
                var state = e.Snapshot.State?.Text;
                // Start-up progress on the console, one line per change of state or health.
                var status = $"{state}{(e.Snapshot.HealthStatus is { } h && state == KnownResourceStates.Running ? $" ({h})" : "")}";
                if (pending.Count > 0 && watched.Contains(resource) && shown.GetValueOrDefault(resource.Name) != status)
                {
                    shown[resource.Name] = status;
                    logger.LogInformation("{Resource}: {Status}", resource.Name, status);
                }

                var ended = state is "Exited" or "Finished" or "FailedToStart";
                if (ended && !lifetime.ApplicationStopping.IsCancellationRequested
                    && (servers.Contains(resource) || (setUpSteps.Contains(resource) && e.Snapshot.ExitCode is not 0)))
                {
                    await FailAsync([resource], $"{resource.Name} {(state == "FailedToStart" ? "failed to start" : $"exited with code {e.Snapshot.ExitCode}")}");
                    return;
                }

                var up = setUpSteps.Contains(resource)
                    ? ended && e.Snapshot.ExitCode is 0
                    : state == KnownResourceStates.Running && e.Snapshot.HealthStatus is null or HealthStatus.Healthy;
                if (up && pending.Remove(resource.Name) && pending.Count == 0)
                {
                    ReadyBanner.Print(model, configuration, logger);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            await FailAsync(watched.Where(r => pending.Contains(r.Name)).ToList(), $"not healthy within {timeout.TotalSeconds:0} s: {string.Join(", ", pending)}");
        }
    }

    private async Task FailAsync(IReadOnlyList<IResource> resources, string what)
    {
        logger.LogCritical("Start-up failed: {What}", what);
        foreach (var resource in resources)
        {
            var lines = new List<string>();
            using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await foreach (var batch in logs.GetAllAsync(resource).WithCancellation(reading.Token))
                {
                    lines.AddRange(batch.Select(l => l.Content));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or ObjectDisposedException)
            {
                // The run is coming down around us: what was read so far is still the best account of the failure.
                lines.Add($"(the log could not be read to its end: {e.GetType().Name})");
            }

            logger.LogCritical("Last lines of {Resource}:\n{Lines}", resource.Name, string.Join('\n', lines.TakeLast(LogLines)));
        }

        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }
}
