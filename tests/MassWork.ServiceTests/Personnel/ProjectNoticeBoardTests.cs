using MassWork.Contracts.Projects.V1;

namespace MassWork.ServiceTests.Personnel;

/// <summary>
/// A published project (项目公示) on its village's board for the period the projects service set, by
/// the personnel service's own clock: there one second before the period ends, gone at its end.
/// Times may come in any offset (here Shanghai's); they are kept as instants. The clock only moves
/// forward, from wherever an earlier test of the collection left it.
/// </summary>
[Collection(PersonnelCollection.Name)]
public sealed class ProjectNoticeBoardTests(PersonnelFixture service)
{
    [Fact]
    public async Task A_published_project_is_on_its_village_board_until_its_publicity_period_ends_and_a_redelivery_posts_it_once()
    {
        var village = $"360702001{Random.Shared.Next(800, 900)}";
        await service.SendAsync(HttpMethod.Post, "/api/personnel/regions/import", service.Token("3607", Roles.Operator, "test-operator"),
            new StringContent($"code,name,level,parent_code\n{village},公示村,village,360702001000\n", System.Text.Encoding.UTF8, "text/csv"));
        var published = service.Clock.GetUtcNow();
        var until = published.AddDays(30);
        var project = Guid.NewGuid();
        var message = new ProjectPublished(new ProjectRef(project, village, "Road", "Published", 28_000_000, [], 86, "上坪组通组公路硬化"), published,
            new ProjectNotice("上坪组通组公路硬化", 25_000_000, 23_000_000,
                [new ProjectNoticeSource("CityFund", 15_000_000, 15_000_000), new ProjectNoticeSource("Villagers", 10_000_000, 8_000_000)],
                [new ProjectNoticePayee("于都县路桥工程有限公司", 23_000_000)], 100, 86, ChinaTime.Local(published.AddDays(-2)), 2, published, ChinaTime.Local(until)));
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        await service.Infrastructure.PublishAsync(message, first, times: 2);
        await service.Infrastructure.PublishAsync(message, second);
        await Eventually.HoldsAsync(async () => await service.Infrastructure.CountAsync("personneldb",
            "SELECT count(*) FROM inbox_messages WHERE consumer = 'ProjectPublishedConsumer' AND message_id = ANY(@ids)", ("ids", new[] { first, second })) == 2,
            TimeSpan.FromSeconds(30), "both deliveries handled");

        var board = await BoardAsync(village);
        var notice = Assert.Single(board);
        Assert.Equal((project, "上坪组通组公路硬化", 25_000_000L, 23_000_000L, 2), (notice.GetProperty("projectId").GetGuid(), notice.GetProperty("title").GetString(),
            notice.GetProperty("budgetFen").GetInt64(), notice.GetProperty("paidFen").GetInt64(), notice.GetProperty("councilSignOffs").GetInt32()));
        Assert.Equal(("Villagers", 8_000_000L), (notice.GetProperty("sources")[1].GetProperty("source").GetString(), notice.GetProperty("sources")[1].GetProperty("paidFen").GetInt64()));
        Assert.True((notice.GetProperty("onNoticeUntil").GetDateTimeOffset() - until).Duration() < TimeSpan.FromMilliseconds(1));

        service.SetClock(until.AddSeconds(-1));
        Assert.Single(await BoardAsync(village));

        service.SetClock(until);
        Assert.Empty(await BoardAsync(village));
    }

    private async Task<JsonElement[]> BoardAsync(string village) =>
        (await service.SendAsync(HttpMethod.Get, $"/api/personnel/notice-board/{village}", service.Token(village, Roles.VillageStaff)))
            .GetProperty("projects").EnumerateArray().ToArray();
}
