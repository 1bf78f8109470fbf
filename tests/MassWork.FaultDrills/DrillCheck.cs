using MassWork.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MassWork.FaultDrills;

/// <summary>
/// The checker's line of a drill. Sent: households answered 201. Stored: households in personnel
/// under the drill's numbers. Effects: welcome SMS written by notifications (the effect that must
/// not happen twice). Lost: a household not stored, without its SMS, or missing from visits' read
/// model. Duplicated: a household stored twice, or a second SMS. Recovered: what went through only
/// because the platform recovered from the fault (what the drill says it counts).
/// </summary>
public sealed record DrillResult(string Drill, int Sent, long Stored, long Effects, long Lost, long Duplicated, long Recovered)
{
    public override string ToString() =>
        $"{Drill}: sent {Sent}, stored {Stored}, effects {Effects}, lost {Lost}, duplicated {Duplicated}, recovered {Recovered}";
}

public static class DrillCheck
{
    public const string WelcomeTemplate = "household-welcome";
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    /// <summary>The welcome SMS of the households so far: how many have one, how many there are.</summary>
    public static async Task<(long Households, long Notices)> NoticesAsync(PlatformFixture platform, IEnumerable<Guid> ids)
    {
        var array = ids.ToArray();
        var noticed = await platform.CountAsync("notificationsdb",
            "SELECT count(DISTINCT household_id) FROM messages WHERE household_id = ANY(@ids) AND template_code = @template", ("ids", array), ("template", WelcomeTemplate));
        var notices = await platform.CountAsync("notificationsdb",
            "SELECT count(*) FROM messages WHERE household_id = ANY(@ids) AND template_code = @template", ("ids", array), ("template", WelcomeTemplate));
        return (noticed, notices);
    }

    /// <summary>Waits until every household has its SMS and its row in visits (or a few minutes pass), then a little more for a late duplicate; prints and returns the line.</summary>
    public static async Task<DrillResult> CheckAsync(PlatformFixture platform, ITestOutputHelper output, string drill, IReadOnlyList<DrillHousehold> sent, long recovered)
    {
        var ids = sent.Select(h => h.Id).ToArray();
        var numbers = sent.Select(h => h.Number).ToArray();
        var giveUpAt = DateTime.UtcNow + Settle;
        while (DateTime.UtcNow < giveUpAt
               && ((await NoticesAsync(platform, ids)).Households < ids.Length || await ProjectedAsync(platform, ids) < ids.Length))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var stored = await platform.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = ANY(@numbers)", ("numbers", numbers));
        var storedOnce = await platform.CountAsync("personneldb", "SELECT count(DISTINCT household_number) FROM households WHERE household_number = ANY(@numbers)", ("numbers", numbers));
        var (noticed, notices) = await NoticesAsync(platform, ids);
        var projected = await ProjectedAsync(platform, ids);
        var result = new DrillResult(drill, sent.Count, stored, notices,
            Lost: (sent.Count - storedOnce) + (ids.Length - noticed) + (ids.Length - projected),
            Duplicated: (stored - storedOnce) + (notices - noticed),
            recovered);
        output.WriteLine(result.ToString());
        return result;
    }

    /// <summary>Asserts what every drill promises: nothing lost, nothing twice, everything sent stored.</summary>
    public static void AssertExactlyOnce(DrillResult result)
    {
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.Equal(result.Sent, result.Stored);
        Assert.Equal(result.Sent, result.Effects);
    }

    private static Task<long> ProjectedAsync(PlatformFixture platform, Guid[] ids) =>
        platform.CountAsync("visitsdb", "SELECT count(*) FROM households WHERE id = ANY(@ids)", ("ids", ids));
}
