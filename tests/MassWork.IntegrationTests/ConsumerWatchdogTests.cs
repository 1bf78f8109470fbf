using MassWork.ServiceDefaults.Messaging.Watchdog;

namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class ConsumerWatchdogTests(PlatformFixture platform)
{
    /// <summary>
    /// A receive endpoint that cannot come back although the broker answers stalls its consumers
    /// for good; here its queue is swapped for a classic one, so every quorum redeclaration is
    /// refused. The watchdog gives up on the process (its exit code says so), the host starts a
    /// fresh one, and once the queue is right again every consumer of the service is back.
    /// </summary>
    [Fact]
    public async Task A_service_whose_consumers_cannot_reconnect_is_restarted()
    {
        const string queue = "notifications-cadre-retired";
        var before = Assert.Single(Notifications());
        var exit = platform.NextExitAsync("notifications", TimeSpan.FromMinutes(3));
        await platform.Infrastructure.ReplaceQueueAsync(queue, classicInstead: true);
        try
        {
            Assert.Equal(EndpointStall.ExitCode, await exit);
            await Eventually.HoldsAsync(() => Task.FromResult(Notifications().Any(pid => pid != before)), TimeSpan.FromMinutes(1), "notifications started again by the host");
        }
        finally
        {
            await platform.Infrastructure.ReplaceQueueAsync(queue, classicInstead: false);
        }

        await platform.WaitForConsumersAsync(TimeSpan.FromMinutes(3));
    }

    private static List<int> Notifications() =>
        [.. ProcessTree.Platform(Environment.ProcessId).Where(pid => ProcessTree.Command(pid).Split(' ')[0].EndsWith("/MassWork.Notifications", StringComparison.Ordinal))];
}
