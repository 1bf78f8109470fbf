using MassWork.Petitions.Deadlines;

namespace MassWork.ServiceTests.Petitions;

/// <summary>Petitions' reference data seeded by two pods starting at once: both start, and each day is added once.</summary>
[Collection(PetitionsCollection.Name)]
public sealed class StartTogetherTests(PetitionsFixture service)
{
    [Fact]
    public async Task Two_pods_seeding_the_calendar_together_both_start_and_add_the_missing_day_once()
    {
        // A day the seed file has and the table lacks, as after a new year's notice is added to the file.
        Assert.Equal(1, await service.Infrastructure.CountAsync("petitionsdb", "DELETE FROM calendar_days WHERE day = '2026-10-07' RETURNING 1"));

        await PodStarts.TogetherAsync(service.Infrastructure.DatabaseConnectionString("petitionsdb"), "calendar_days",
            () => ActivatorUtilities.CreateInstance<ReferenceDataSeeder>(service.Services).StartAsync(CancellationToken.None));

        Assert.Equal(1, await service.Infrastructure.CountAsync("petitionsdb", "SELECT count(*) FROM calendar_days WHERE day = '2026-10-07'"));
    }
}
