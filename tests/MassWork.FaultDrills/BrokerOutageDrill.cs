using MassWork.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MassWork.FaultDrills;

[Collection(PlatformCollection.Name)]
public sealed class BrokerOutageDrill(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>
    /// RabbitMQ stops after 1,000 of 5,000 registrations and comes back 1,500 later: registrations
    /// go on (their events wait in personnel's outbox), and once it is back every service's consumers
    /// reconnect (or the consumer watchdog restarts a service whose consumers stalled), and every
    /// household gets its one welcome SMS and its row in visits. Recovered: the events that waited in the outbox.
    /// </summary>
    [Fact]
    public async Task Broker_stopped_during_5000_writes_loses_and_repeats_nothing()
    {
        var writer = new DrillWriter(platform);
        var writing = writer.RegisterAsync(5000, concurrency: 16);
        await Drill.UntilAsync(writing, () => writer.Accepted >= 1000, "1,000 households registered");

        await platform.Infrastructure.StopBrokerAsync();
        long waited;
        try
        {
            var stoppedAt = writer.Accepted;
            await Drill.UntilAsync(writing, () => writer.Accepted >= stoppedAt + 1500, "1,500 more registered while the broker is away");
            waited = await platform.CountAsync("personneldb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        }
        finally
        {
            await platform.StartBrokerAsync();
        }

        var result = await DrillCheck.CheckAsync(platform, output, "broker stopped during 5,000 writes", await writing, waited);
        DrillCheck.AssertExactlyOnce(result);
        Assert.True(waited >= 1500, $"The events of the households registered while the broker was away waited in the outbox ({waited}).");
    }
}
