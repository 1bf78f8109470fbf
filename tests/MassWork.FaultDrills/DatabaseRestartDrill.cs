using MassWork.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MassWork.FaultDrills;

[Collection(PlatformCollection.Name)]
public sealed class DatabaseRestartDrill(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>
    /// PostgreSQL is stopped (fast shutdown: every connection cut) after 500 of 2,000 registrations
    /// and started again 3 s later. Registrations meanwhile are answered 503 and sent again with their
    /// Idempotency-Key; consumers retry; the relay picks up where it was. Recovered: the households
    /// registered only on a second attempt.
    /// </summary>
    [Fact]
    public async Task Database_restarted_during_writes_loses_and_repeats_nothing()
    {
        var writer = new DrillWriter(platform);
        var writing = writer.RegisterAsync(2000, concurrency: 16);
        await Drill.UntilAsync(writing, () => writer.Accepted >= 500, "500 households registered");

        await platform.Infrastructure.StopDatabaseAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await platform.Infrastructure.StartDatabaseAsync();
            // The checker's own pooled connections died with the server (the services, in processes of their own, recover by themselves).
            NpgsqlConnection.ClearAllPools();
        }

        var sent = await writing;
        var result = await DrillCheck.CheckAsync(platform, output, "PostgreSQL restarted during 2,000 writes", sent, writer.Retried);
        DrillCheck.AssertExactlyOnce(result);
        Assert.True(writer.Retried > 0, "Some registrations met the outage and were sent again.");
    }
}
