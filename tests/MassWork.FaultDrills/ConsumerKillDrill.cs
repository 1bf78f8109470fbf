using MassWork.IntegrationTests.Infrastructure;
using MassWork.Testing.Servers;
using Xunit.Abstractions;

namespace MassWork.FaultDrills;

[Collection(PlatformCollection.Name)]
public sealed class ConsumerKillDrill(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>
    /// The notifications service is killed with SIGKILL while it works through 2,000 registrations:
    /// the batches it had taken but not committed are delivered again to the restarted process, and
    /// its inbox keeps those it had committed from being written twice. Recovered: the welcome SMS
    /// written after the kill.
    /// </summary>
    [Fact]
    public async Task Consumer_killed_mid_stream_loses_and_repeats_nothing()
    {
        var before = await WelcomeCountAsync();
        var writer = new DrillWriter(platform);
        var writing = writer.RegisterAsync(2000, concurrency: 16);
        await Drill.UntilAsync(writing, async () => await WelcomeCountAsync() - before >= 300, "300 welcome SMS written");

        var notifications = Notifications();
        Assert.Single(notifications);
        Posix.Signal(notifications[0], Posix.SIGKILL);
        var atKill = await WelcomeCountAsync() - before;
        await Eventually.HoldsAsync(() => Task.FromResult(Notifications().Any(pid => pid != notifications[0])), TimeSpan.FromMinutes(1), "notifications restarted by the host");

        var sent = await writing;
        var result = await DrillCheck.CheckAsync(platform, output, "notifications killed -9 mid-stream", sent, sent.Count - atKill);
        DrillCheck.AssertExactlyOnce(result);
        Assert.True(atKill < sent.Count, $"The kill came before the last notice ({atKill} of {sent.Count} written then).");
    }

    private static List<int> Notifications() =>
        [.. ProcessTree.Platform(Environment.ProcessId).Where(pid => ProcessTree.Command(pid).Split(' ')[0].EndsWith("/MassWork.Notifications", StringComparison.Ordinal))];

    private Task<long> WelcomeCountAsync() =>
        platform.CountAsync("notificationsdb", "SELECT count(*) FROM messages WHERE template_code = @template", ("template", DrillCheck.WelcomeTemplate));
}
