using MassWork.Petitions.Deadlines;

namespace MassWork.ServiceTests.Petitions;

/// <summary>Petitions' reference data seeded by two pods starting at once: both start, and each day is added once.</summary>
[Collection(PetitionsCollection.Name)]
public sealed class StartTogetherTests(PetitionsFixture service)
{
    [Fact]
    public async Task Two_pods_seeding_the_calendar_together_both_start_and_add_a_missing_year_once()
    {
        // A year the seed file has and the table lacks, as after a new year's notice is added to the file.
        const string Year = "day BETWEEN '2025-01-01' AND '2025-12-31'";
        var days = await service.Infrastructure.CountAsync("petitionsdb", $"WITH gone AS (DELETE FROM calendar_days WHERE {Year} RETURNING 1) SELECT count(*) FROM gone");
        Assert.True(days > 0);

        await PodStarts.TogetherAsync(service.Infrastructure.DatabaseConnectionString("petitionsdb"), "calendar_days",
            () => ActivatorUtilities.CreateInstance<ReferenceDataSeeder>(service.Services).StartAsync(CancellationToken.None));

        Assert.Equal(days, await service.Infrastructure.CountAsync("petitionsdb", $"SELECT count(*) FROM calendar_days WHERE {Year}"));
    }

    [Fact]
    public async Task A_day_an_operator_removed_from_a_loaded_year_stays_removed_when_a_pod_starts()
    {
        Assert.Equal(1, await service.Infrastructure.CountAsync("petitionsdb",
            "WITH gone AS (DELETE FROM calendar_days WHERE day = '2025-01-01' RETURNING 1) SELECT count(*) FROM gone"));
        try
        {
            await ActivatorUtilities.CreateInstance<ReferenceDataSeeder>(service.Services).StartAsync(CancellationToken.None);

            Assert.Equal(0, await service.Infrastructure.CountAsync("petitionsdb", "SELECT count(*) FROM calendar_days WHERE day = '2025-01-01'"));
        }
        finally
        {
            await service.Infrastructure.CountAsync("petitionsdb", "WITH back AS (INSERT INTO calendar_days (day, working, name) VALUES ('2025-01-01', false, '元旦') ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM back");
        }
    }
}
