using System.Net;
using MassWork.Console.Cases;
using MassWork.Console.Gateway;
using MassWork.Console.Households;
using MassWork.Console.Projects;
using MassWork.Console.Visits;

namespace MassWork.UnitTests.Console;

public sealed class HouseholdTimelineTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, Shanghai);

    private static readonly ApiProblem Refused = new(HttpStatusCode.Forbidden, null, null, new Dictionary<string, string[]>());

    [Fact]
    public void Every_services_records_are_merged_newest_first_each_linking_to_its_own_page()
    {
        var visit = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        var timeline = HouseholdTimeline.Of(new HouseholdSources(
            ApiResult<List<Pairing>>.Ok([new Pairing(Guid.NewGuid(), Guid.NewGuid(), "叶志明", "FullCoverage", At(1, 5), At(6, 30), "工作调动")]),
            ApiResult<VisitList>.Ok(new VisitList(1, [new VisitView(visit, "c", "Home", At(3, 2), At(3, 2), "clerk", false,
                [new NamedRef(Guid.NewGuid(), "叶志明")], [], "协助激活医保", null, null)])),
            ApiResult<LedgerPage>.Ok(new LedgerPage(1, 1, 50, [new LedgerLine(caseId, "360702-20260410-0000001", At(4, 10), "WalkIn", "Request", "roads-irrigation",
                "360702001201", "钟秀兰", null, "村口便桥垮塌", "Accepted", null, null, null, false, null, null, null)])),
            ApiResult<ProjectPage>.Ok(new ProjectPage(0, 1, 50, [])),
            ApiResult<MessageList>.Ok(new MessageList(1, [new Message(Guid.NewGuid(), "case-accepted", "【赣州群众工作】您反映的事项已受理", "Delivered", At(4, 11), At(4, 11))]))));

        Assert.Empty(timeline.Missing);
        Assert.Equal(
            [(At(6, 30), "结对"), (At(4, 11), "短信"), (At(4, 10), "诉求"), (At(3, 2), "走访"), (At(1, 5), "结对")],
            timeline.Entries.Select(e => (e.At, e.Kind)));
        Assert.Equal("与叶志明的结对结束", timeline.Entries[0].Title);
        Assert.Equal("工作调动", timeline.Entries[0].Detail);
        Assert.Equal($"/cases/{caseId}", timeline.Entries[2].Href);
        Assert.Equal(($"/visits/{visit}", "入户走访：叶志明"), (timeline.Entries[3].Href, timeline.Entries[3].Title));
        Assert.Equal("短信（已送达）", timeline.Entries[1].Title);
    }

    [Fact]
    public void A_service_that_refuses_or_is_down_is_named_and_the_others_still_show()
    {
        var timeline = HouseholdTimeline.Of(new HouseholdSources(
            ApiResult<List<Pairing>>.Ok([new Pairing(Guid.NewGuid(), Guid.NewGuid(), "叶志明", "Resident", At(1, 5), null, null)]),
            ApiResult<VisitList>.Failed(ApiProblem.Unavailable),
            ApiResult<LedgerPage>.Ok(new LedgerPage(0, 1, 50, [])),
            ApiResult<ProjectPage>.Ok(new ProjectPage(0, 1, 50, [])),
            ApiResult<MessageList>.Failed(Refused)));

        Assert.Equal(["走访", "短信"], timeline.Missing.Select(m => m.Name));
        Assert.Equal(["服务暂时不可用，请稍后重试。", "您的角色或所辖区域无权查看或办理此项。"], timeline.Missing.Select(m => m.Problem.Message));
        Assert.Equal("与叶志明结对（常驻队员）", Assert.Single(timeline.Entries).Title);
    }
}
