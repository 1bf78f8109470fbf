using MassWork.Projects.Demo;
using MassWork.Projects.Funding;
using MassWork.Projects.Projects;
using MassWork.Projects.Publicity;

namespace MassWork.UnitTests.Projects;

public sealed class ProjectEventsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_published_event_carries_the_title_and_the_boards_notice_with_the_end_of_its_publicity_period()
    {
        var p = ProjectStageTests.Proposed();
        p.PlanFunding([new FundingLine(FundingSource.CityFund, 3_000_000, 0, 0, null)], [], "town-clerk", T0);
        p.Approve("town-clerk", new HashSet<string> { Roles.TownStaff }, "360731105", T0.AddDays(1));
        p.Start("town-clerk", T0.AddDays(2));
        p.Accept("town-clerk", [], T0.AddDays(20));
        p.Publish("town-clerk", T0.AddDays(21));
        var until = T0.AddDays(51);
        // The notice as the endpoint shows it, in Shanghai time; the event carries UTC.
        var notice = new NoticeView(p.Id, p.Title, "Road", p.RegionCode, "Published", 3_000_000, 2_800_000, [new NoticeSource("CityFund", 3_000_000, 2_800_000)],
            [new NoticePayee("于都县路桥工程有限公司", 2_800_000)], 100, 86, T0.AddDays(20), 0, T0.AddDays(21), until);
        Assert.Equal(TimeSpan.FromHours(8), until.Offset);

        var published = ProjectEvents.Published(p, notice, T0.AddDays(21));

        Assert.Equal(("上坪组通组公路硬化", "Published", p.LinkedDemandIds), (published.Project.Title, published.Project.Stage, published.Project.LinkedDemandIds));
        var board = published.Notice!;
        Assert.Equal((T0.AddDays(21), until, 2_800_000L, 86), (board.PublishedAt, board.OnNoticeUntil, board.PaidFen, board.BeneficiaryCount));
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], new[] { board.PublishedAt.Offset, board.OnNoticeUntil.Offset, board.AcceptedAt!.Value.Offset });
        Assert.Equal(("CityFund", 3_000_000L), (board.Sources[0].Source, board.Sources[0].BudgetFen));
        Assert.Equal("于都县路桥工程有限公司", board.Payees[0].Payee);
    }

    [Fact]
    public void The_demo_timeline_moves_forward_on_every_reading_and_never_passes_its_end()
    {
        var (start, end) = (T0.AddDays(-20), T0);
        var timeline = new DemoTimeline(start, end, 4);

        var readings = Enumerable.Range(0, 6).Select(_ => timeline.GetUtcNow()).ToList();

        Assert.Equal([T0.AddDays(-15), T0.AddDays(-10), T0.AddDays(-5), T0, T0, T0], readings);
    }
}
