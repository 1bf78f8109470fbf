using MassWork.ServiceDefaults.Errors;
using MassWork.Projects.Approval;
using MassWork.Projects.Funding;
using MassWork.Projects.Projects;

namespace MassWork.UnitTests.Projects;

public sealed class ProjectStageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly IReadOnlySet<string> Staff = new HashSet<string> { Roles.TownStaff };
    private static readonly IReadOnlySet<string> Leader = new HashSet<string> { Roles.Leader };

    internal static Project Proposed(long costFen = 3_000_000)
    {
        var proposal = new NewProject("上坪组通组公路硬化", ProjectCategory.Road, "360731105201", Proposer.VillageCommittee, [Guid.NewGuid()], [], 86, costFen);
        return Project.Propose(proposal, ApprovalChain.For(ApprovalPolicy.Default, costFen), "village-clerk", T0);
    }

    private static Project UnderWay(bool villagers = false)
    {
        var p = Proposed();
        p.PlanFunding(
            villagers ? [new FundingLine(FundingSource.CityFund, 2_000_000, 0, 0, null), new FundingLine(FundingSource.Villagers, 1_000_000, 120, 1_200_000, null)]
                : [new FundingLine(FundingSource.CityFund, 3_000_000, 0, 0, null)],
            villagers ? ["钟理事长", "刘理事", "陈理事"] : [], "town-clerk", T0);
        p.Approve("town-clerk", Staff, "360731105", T0.AddDays(1));
        p.Start("town-clerk", T0.AddDays(2));
        return p;
    }

    [Fact]
    public void A_project_goes_from_proposed_through_approval_work_and_acceptance_to_published_with_every_step_kept()
    {
        var p = UnderWay();
        p.Accept("town-clerk", [], T0.AddDays(30));
        p.Publish("town-clerk", T0.AddDays(31));

        Assert.Equal(ProjectStage.Published, p.Stage);
        Assert.Equal(["Propose", "PlanFunding", "Approve", "Start", "Accept", "Publish"], p.Steps.Select(s => s.Action));
        Assert.Equal((T0.AddDays(1), T0.AddDays(2), T0.AddDays(30), T0.AddDays(31)), (p.ApprovedAt, p.StartedAt, p.AcceptedAt, p.PublishedAt));
        Assert.Equal(ProjectStage.Accepted, p.Steps[^1].FromStage);
    }

    [Fact]
    public void A_county_sized_project_is_approved_only_after_the_town_and_then_the_county()
    {
        var p = Proposed(costFen: 30_000_000);

        Assert.False(p.Approve("town-clerk", Staff, "360731105", T0));
        Assert.Equal((ProjectStage.Proposed, ApprovalLevel.County), (p.Stage, p.NextApproval!.Level));
        Assert.Throws<ApprovalRefusedException>(() => p.Approve("county-clerk", Staff, "360731", T0));
        Assert.True(p.Approve("county-leader", Leader, "360731", T0.AddHours(1)));

        Assert.Equal(ProjectStage.Approved, p.Stage);
        Assert.Equal([(1, ApprovalLevel.Town, "town-clerk"), (2, ApprovalLevel.County, "county-leader")], p.Approvals.Select(a => (a.Order, a.Level, a.UserId)));
        Assert.Null(p.NextApproval);
    }

    [Fact]
    public void The_county_cannot_approve_before_the_town_and_a_rejection_comes_from_the_approver_now_due()
    {
        var p = Proposed(costFen: 30_000_000);

        var refused = Assert.Throws<ApprovalRefusedException>(() => p.Approve("county-leader", Leader, "360731", T0));
        Assert.Contains("town", refused.Message);
        Assert.Throws<ApprovalRefusedException>(() => p.Reject("county-leader", Leader, "360731", "资金不足", T0));

        p.Reject("town-clerk", Staff, "360731105", "与已有项目重复", T0);
        Assert.Equal((ProjectStage.Rejected, "与已有项目重复"), (p.Stage, p.Reason));
        Assert.Throws<ProjectTransitionException>(() => p.Approve("town-clerk", Staff, "360731105", T0));
    }

    [Fact]
    public void Illegal_steps_name_the_stage_and_where_they_are_allowed_from()
    {
        var p = Proposed();

        var e = Assert.Throws<ProjectTransitionException>(() => p.Start("town-clerk", T0));
        Assert.Equal("A project that is Proposed cannot start; allowed from Approved.", e.Message);
        Assert.Throws<ProjectTransitionException>(() => p.Accept("town-clerk", [], T0));
        Assert.Throws<ProjectTransitionException>(() => p.Publish("town-clerk", T0));
        Assert.Throws<ProjectTransitionException>(() => p.RequireLedgerOpen(payment: false));

        p.Approve("town-clerk", Staff, "360731105", T0);
        p.RequireLedgerOpen(payment: false);
        Assert.Throws<ProjectTransitionException>(() => p.RequireLedgerOpen(payment: true));
        p.Start("town-clerk", T0);
        Assert.Throws<ProjectTransitionException>(() => p.PlanFunding([], [], "town-clerk", T0));
        p.RequireLedgerOpen(payment: true);
    }

    [Fact]
    public void A_cancelled_project_stays_cancelled_with_its_reason_and_a_published_one_cannot_be_cancelled()
    {
        var p = UnderWay();
        p.Cancel("town-clerk", "选址变更", T0.AddDays(3));
        Assert.Equal((ProjectStage.Cancelled, "选址变更"), (p.Stage, p.Reason));
        // Its money can be taken back, and nothing more recorded.
        p.RequireLedgerOpen(payment: false, takesBack: true);
        Assert.Throws<ProjectTransitionException>(() => p.RequireLedgerOpen(payment: false));
        Assert.Throws<ProjectTransitionException>(() => p.RequireLedgerOpen(payment: true));
        Assert.Throws<ProjectTransitionException>(() => p.Start("town-clerk", T0));

        var done = UnderWay();
        done.Accept("town-clerk", [], T0);
        Assert.Throws<ProjectTransitionException>(() => done.Cancel("town-clerk", "x", T0));
    }

    [Fact]
    public void Where_villagers_contributed_a_majority_of_their_council_signs_the_acceptance()
    {
        var p = UnderWay(villagers: true);
        Assert.True(p.VillagersContribute);

        var tooFew = Assert.Throws<ProjectTransitionException>(() => p.Accept("town-clerk", ["钟理事长"], T0));
        Assert.Contains("理事会", tooFew.Message);
        Assert.Contains("1 of 3", tooFew.Message);
        var stranger = Assert.Throws<DomainException>(() => p.Accept("town-clerk", ["钟理事长", "王某"], T0));
        Assert.Equal("councilSignedBy", stranger.Field);
        Assert.Equal(ProjectStage.UnderWay, p.Stage);

        p.Accept("town-clerk", ["钟理事长", "刘理事", "刘理事"], T0);
        Assert.Equal(ProjectStage.Accepted, p.Stage);
        Assert.Equal(["钟理事长", "刘理事"], p.CouncilSignedBy);
    }

    [Fact]
    public void Villagers_money_or_labour_needs_a_council_in_the_plan()
    {
        var p = Proposed();

        var e = Assert.Throws<DomainException>(() => p.PlanFunding([new FundingLine(FundingSource.Villagers, 0, 50, 500_000, null)], [], "town-clerk", T0));
        Assert.Equal("council.members", e.Field);
        p.PlanFunding([new FundingLine(FundingSource.Donation, 500_000, 0, 0, "乡贤捐赠")], [], "town-clerk", T0);
        Assert.False(p.VillagersContribute);
    }
}
