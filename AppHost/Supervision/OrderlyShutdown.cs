using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassWork.AppHost.Supervision;

/// <summary>
/// On Ctrl+C or SIGTERM, stops the platform in order before the AppHost exits: the gateway and
/// the services first (they finish their requests and outbox batches), then the servers they used.
/// Left to DCP, everything is killed at once after the AppHost has gone, while the prompt is back.
/// </summary>
internal sealed class OrderlyShutdown(
    DistributedApplicationModel model, ResourceNotificationService notifications, ResourceCommandService commands, ILogger<OrderlyShutdown> logger) : IHostedService
{
    private static readonly TimeSpan StageTimeout = TimeSpan.FromSeconds(30);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The dashboard is Aspire's own: it stops with the AppHost, after the platform.
        var running = model.Resources.Where(r => (r is ProjectResource or ExecutableResource || r.IsContainer()) && r.Name != "aspire-dashboard")
            .Where(r => notifications.TryGetCurrentState(r.Name, out var e) && e.Snapshot.State?.Text is "Running" or "Starting" or "Waiting")
            .ToList();
        await StopAllAsync(running.Where(r => r is ProjectResource).ToList());
        await StopAllAsync(running.Where(r => r is not ProjectResource).ToList());
    }

    private async Task StopAllAsync(IReadOnlyList<IResource> resources)
    {
        using var timeout = new CancellationTokenSource(StageTimeout);
        await Task.WhenAll(resources.Select(async r =>
        {
            try
            {
                await commands.ExecuteCommandAsync(r, KnownResourceCommands.StopCommand, timeout.Token);
                await notifications.WaitForResourceAsync(r.Name, e => e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart", timeout.Token);
            }
            catch (Exception ex)
            {
                logger.LogWarning("Stopping {Resource}: {Error}", r.Name, ex.Message);
            }
        }));
    }
}
