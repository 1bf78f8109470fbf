using MassWork.Petitions.Cases;
using MassWork.Petitions.Deadlines;

namespace MassWork.UnitTests.Petitions;

/// <summary>A completed 为民办实事 project answers the cases linked to it while they await their answer, and leaves the others as they are.</summary>
public sealed class CaseResolvedByProjectTests
{
    private static readonly CaseRules Rules = new(PetitionPolicy.Default, new DeadlineCalculator(DeadlineTests.SpringFestival2026));
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Holder Town = new(HolderKind.Region, "360702003000", "解放街道");
    private static readonly Holder Department = new(HolderKind.Department, "360702-JTJ", "章贡区交通运输局");
    private static readonly Guid Project = Guid.NewGuid();

    private static Case Accepted(MatterType type = MatterType.Request)
    {
        var c = CaseLifeTests.NewCase(type: type);
        c.Assign(Town, "router", null, Rules, T0.AddHours(1));
        c.Accept("handler", Rules, T0.AddHours(2));
        return c;
    }

    [Fact]
    public void A_case_in_hand_is_answered_supported_by_the_project_with_every_limit_met_the_revisit_opened_and_the_step_in_its_history()
    {
        var c = Accepted();
        c.ResolveByProject(Project, "上坪组通组公路硬化", Rules, T0.AddDays(20));

        Assert.Equal((CaseStatus.Answered, Outcome.Supported, Project), (c.Status, c.Outcome, c.ResolvedByProjectId));
        Assert.True(c.AnsweredOnTime);
        Assert.Contains("上坪组通组公路硬化", c.Opinion);
        Assert.Equal(Town.Name, c.AnsweredBy);
        Assert.Equal([DeadlineKind.Revisit], c.Deadlines.Where(d => d.IsOpen).Select(d => d.Kind));
        Assert.Equal(new DateTimeOffset(2026, 4, 22, 0, 0, 0, TimeSpan.FromHours(8)), c.ReviewWindowEndsAt);
        var step = c.Steps[^1];
        Assert.Equal(("ResolveByProject", CaseStatus.Accepted, CaseStatus.Answered, "system"), (step.Action, step.FromStatus, step.ToStatus, step.ActorUserId));
        Assert.Contains(Project.ToString(), step.Note);
    }

    [Fact]
    public void A_case_not_yet_routed_is_answered_too_and_a_departments_work_order_returns_to_the_town()
    {
        var registered = CaseLifeTests.NewCase();
        registered.ResolveByProject(Project, null, Rules, T0.AddDays(1));
        Assert.Equal(CaseStatus.Answered, registered.Status);
        Assert.DoesNotContain(registered.Deadlines, d => d.IsOpen && d.Kind != DeadlineKind.Revisit);

        var escalated = Accepted();
        escalated.Escalate(Department, "town", "需区交通运输局解决", Rules, T0.AddDays(1));
        escalated.ResolveByProject(Project, "上坪组通组公路硬化", Rules, T0.AddDays(5));
        Assert.Equal((CaseStatus.Answered, Town, Department.Name), (escalated.Status, escalated.Holder, escalated.AnsweredBy));
    }

    [Fact]
    public void A_suggestion_is_adopted_and_a_late_project_is_recorded_as_a_late_answer()
    {
        var suggestion = Accepted(MatterType.Suggestion);
        suggestion.ResolveByProject(Project, "塘背村小学厕所改造", Rules, T0.AddDays(10));
        Assert.Equal(Outcome.Adopted, suggestion.Outcome);

        var late = Accepted();
        late.ResolveByProject(Project, "石门村颐养之家", Rules, T0.AddDays(70));
        Assert.False(late.AnsweredOnTime);
    }

    [Fact]
    public void A_case_already_answered_closed_or_refused_and_an_accusation_are_left_as_they_are()
    {
        var answered = Accepted();
        answered.Answer(Outcome.Explained, "已解释", "handler", Rules, T0.AddDays(3));
        var closed = Accepted();
        closed.Answer(Outcome.Supported, "已修复", "handler", Rules, T0.AddDays(3));
        closed.Revisit(Satisfaction.Satisfied, false, null, "clerk", Rules, T0.AddDays(5));
        var refused = CaseLifeTests.NewCase(decision: new IntakeDecision(false, Guid.NewGuid(), false, "重复反映"));
        var accusation = CaseLifeTests.NewCase(type: MatterType.Accusation);

        foreach (var c in new[] { answered, closed, refused, accusation })
        {
            var (status, steps) = (c.Status, c.Steps.Count);
            Assert.False(c.AwaitsProject);
            Assert.Throws<CaseTransitionException>(() => c.ResolveByProject(Project, "上坪组通组公路硬化", Rules, T0.AddDays(10)));
            Assert.Equal((status, steps, null), (c.Status, c.Steps.Count, c.ResolvedByProjectId));
        }

        Assert.Equal(Outcome.Explained, answered.Outcome);
    }
}
