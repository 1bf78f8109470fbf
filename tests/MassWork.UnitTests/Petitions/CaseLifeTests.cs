using MassWork.ServiceDefaults.Errors;
using MassWork.Petitions.Cases;
using MassWork.Petitions.Deadlines;

namespace MassWork.UnitTests.Petitions;

public sealed class CaseLifeTests
{
    internal static readonly CaseRules Rules = new(PetitionPolicy.Default, new DeadlineCalculator(DeadlineTests.SpringFestival2026));
    internal static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    internal static readonly Holder Town = new(HolderKind.Region, "360702003000", "解放街道");
    private static readonly Holder Department = new(HolderKind.Department, "360702-SBJ", "章贡区人社局");

    internal static Case NewCase(Channel channel = Channel.WalkIn, MatterType type = MatterType.Request, IntakeDecision? decision = null, DateTimeOffset? at = null) =>
        Case.Register(new NewCase("XF-1", channel, type, "social-security", "General", "360702003201", IntakeLevel.Town, Guid.NewGuid(), "刘桂英", null, null, 1,
            "养老金未按时发放", [], "clerk", null), decision ?? IntakeDecision.New, Rules, at ?? T0);

    private static Case Accepted(MatterType type = MatterType.Request)
    {
        var c = NewCase(type: type);
        c.Assign(Town, "router", null, Rules, T0.AddHours(1));
        c.Accept("handler", Rules, T0.AddHours(2));
        return c;
    }

    private static CaseDeadline Open(Case c, DeadlineKind kind) => Assert.Single(c.Deadlines, d => d.Kind == kind && d.IsOpen);

    [Fact]
    public void Registering_opens_the_routing_limit_and_the_7_day_call_back()
    {
        var c = NewCase();

        Assert.Equal(CaseStatus.Registered, c.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 0, 0, 0, TimeSpan.FromHours(8)), Open(c, DeadlineKind.Route).DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8)), Open(c, DeadlineKind.ProgressCallBack).DueAt);
        Assert.Equal("Register", Assert.Single(c.Steps).Action);
    }

    [Fact]
    public void A_hotline_case_is_routed_within_its_work_order_class_dispatch_limit()
    {
        var c = NewCase(Channel.Hotline);

        Assert.Equal(T0.AddHours(24), Open(c, DeadlineKind.Route).DueAt);
        c.Assign(Town, "router", null, Rules, T0.AddHours(1));
        c.Accept("handler", Rules, T0.AddHours(2));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8)), Open(c, DeadlineKind.Resolve).DueAt);
    }

    [Fact]
    public void A_repeat_intake_is_registered_as_not_accepted_without_deadlines()
    {
        var c = NewCase(decision: new IntakeDecision(false, Guid.NewGuid(), false, "重复反映"));

        Assert.Equal(CaseStatus.NotAccepted, c.Status);
        Assert.Empty(c.Deadlines);
        Assert.Throws<CaseTransitionException>(() => c.Assign(Town, "router", null, Rules, T0));
    }

    [Fact]
    public void Assigning_meets_the_routing_limit_and_opens_acceptance_and_objection_limits()
    {
        var c = NewCase();
        c.Assign(Town, "router", "交办街道", Rules, T0.AddHours(1));

        Assert.Equal(CaseStatus.Assigned, c.Status);
        Assert.Equal(Town, c.Holder);
        Assert.NotNull(Assert.Single(c.Deadlines, d => d.Kind == DeadlineKind.Route).MetAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 0, 0, 0, TimeSpan.FromHours(8)), Open(c, DeadlineKind.Accept).DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8)), Open(c, DeadlineKind.Objection).DueAt);
    }

    [Fact]
    public void Accepting_opens_the_60_day_handling_limit()
    {
        var c = Accepted();

        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.FromHours(8)), c.ResolveDueAt);
        Assert.DoesNotContain(c.Deadlines, d => d.Kind is DeadlineKind.Accept or DeadlineKind.Objection && d.IsOpen);
        // Closed because the case moved on, not run out: the console must not show it as 已期满.
        Assert.False(Assert.Single(c.Deadlines, d => d.Kind == DeadlineKind.Objection).Lapsed);
    }

    [Fact]
    public void An_objection_window_that_runs_out_is_lapsed_and_a_limit_cannot_lapse()
    {
        var c = NewCase();
        c.Assign(Town, "router", null, Rules, T0);
        var window = Open(c, DeadlineKind.Objection);

        window.Lapse(window.DueAt);

        Assert.True(window.Lapsed);
        Assert.False(window.IsOpen);
        Assert.Throws<InvalidOperationException>(() => Open(c, DeadlineKind.Accept).Lapse(T0));
    }

    [Fact]
    public void Not_accepting_is_final_and_stops_the_call_back()
    {
        var c = NewCase();
        c.Assign(Town, "router", null, Rules, T0);
        c.NotAccept("handler", "不属于信访事项", T0.AddHours(1));

        Assert.Equal(CaseStatus.NotAccepted, c.Status);
        Assert.DoesNotContain(c.Deadlines, d => d.IsOpen);
        Assert.Throws<CaseTransitionException>(() => c.Accept("handler", Rules, T0));
    }

    [Fact]
    public void An_objection_inside_5_working_days_returns_the_case_to_be_routed_and_later_is_refused()
    {
        var c = NewCase();
        c.Assign(Town, "router", null, Rules, T0);
        c.Object("handler", "属于区人社局职责", Rules, T0.AddDays(2));

        Assert.Equal(CaseStatus.Registered, c.Status);
        Assert.Null(c.Holder);
        Assert.NotNull(Open(c, DeadlineKind.Route));

        var late = NewCase();
        late.Assign(Town, "router", null, Rules, T0);
        Assert.Throws<CaseTransitionException>(() => late.Object("handler", "不属本单位", Rules, T0.AddDays(8)));
    }

    [Fact]
    public void Sending_back_an_assigned_case_keeps_the_history_and_returns_it_for_routing()
    {
        var c = NewCase();
        c.Assign(Town, "router", null, Rules, T0);
        c.SendBack("handler", "地址有误，非本街道辖区", Rules, T0.AddHours(3));

        Assert.Equal(CaseStatus.Registered, c.Status);
        Assert.Equal(["Register", "Assign", "SendBack"], c.Steps.Select(s => s.Action));
        Assert.Equal("地址有误，非本街道辖区", c.Steps[^1].Note);
    }

    [Fact]
    public void Reassigning_changes_the_holder_and_keeps_the_earlier_one_in_history()
    {
        var c = Accepted();
        var other = new Holder(HolderKind.Region, "360702004000", "南外街道");
        c.Reassign(other, "leader", "属地调整", Rules, T0.AddDays(1));

        Assert.Equal(other, c.Holder);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal([Town.Code, other.Code], c.Steps.Where(s => s.Action is "Assign" or "Reassign").Select(s => s.HolderCode));
        Assert.Throws<CaseTransitionException>(() => c.Reassign(other, "leader", "再次", Rules, T0.AddDays(1)));
    }

    [Fact]
    public void The_handling_limit_extends_once_within_the_maximum_and_only_before_it_runs_out()
    {
        var c = Accepted();
        var before = c.ResolveDueAt!.Value;
        Assert.Throws<DomainException>(() => c.Extend(31, "案情复杂", "leader", Rules, T0.AddDays(1)));

        c.Extend(30, "需多部门会商", "leader", Rules, T0.AddDays(1));

        Assert.Equal(before.AddDays(30), c.ResolveDueAt);
        var resolve = c.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve && d.IsOpen);
        Assert.Equal(DeadlineCalculator.WarnAt(resolve.OpenedAt, resolve.DueAt), resolve.WarnAt);
        Assert.Equal(resolve.DueAt.AddDays(-1), resolve.WarnAt);
        Assert.True(c.Extended);
        Assert.Throws<CaseTransitionException>(() => c.Extend(5, "再延", "leader", Rules, T0.AddDays(2)));

        var late = Accepted();
        Assert.Throws<CaseTransitionException>(() => late.Extend(10, "迟了", "leader", Rules, T0.AddDays(70)));
    }

    [Fact]
    public void A_case_nobody_holds_yet_is_neither_sent_back_nor_objected_to()
    {
        var c = NewCase();

        Assert.Throws<CaseTransitionException>(() => c.SendBack("clerk", "不属于本单位", Rules, T0.AddHours(1)));
        Assert.Throws<CaseTransitionException>(() => c.Object("clerk", "不属于本单位", Rules, T0.AddHours(1)));
        Assert.Equal(CaseStatus.Registered, c.Status);
    }

    [Fact]
    public void A_suggestion_is_adopted_or_not_and_a_problem_is_never_adopted()
    {
        var suggestion = Accepted(MatterType.Suggestion);
        var refused = Assert.Throws<DomainException>(() => suggestion.Answer(Outcome.Supported, "已采纳", "handler", Rules, T0.AddDays(3)));
        Assert.Equal("outcome", refused.Field);
        Assert.Equal(CaseStatus.Accepted, suggestion.Status);

        suggestion.Answer(Outcome.Adopted, "建议已纳入明年村道硬化计划", "handler", Rules, T0.AddDays(3));
        Assert.Equal((CaseStatus.Answered, Outcome.Adopted), (suggestion.Status, suggestion.Outcome));

        var problem = Accepted();
        Assert.Equal("outcome", Assert.Throws<DomainException>(() => problem.Answer(Outcome.Adopted, "x", "handler", Rules, T0.AddDays(3))).Field);
        Assert.Equal([Outcome.Adopted, Outcome.NotAdopted], Outcomes.For(MatterType.Suggestion));
        Assert.Equal([Outcome.Supported, Outcome.Explained, Outcome.NotSupported], Outcomes.For(MatterType.Dispute));
    }

    [Fact]
    public void An_answer_on_time_opens_the_one_month_revisit_and_the_review_window()
    {
        var c = Accepted();
        c.Start("handler", T0.AddDays(1));
        c.Answer(Outcome.Supported, "已补发养老金", "handler", Rules, T0.AddDays(10));

        Assert.Equal(CaseStatus.Answered, c.Status);
        Assert.True(c.AnsweredOnTime);
        Assert.Equal(new DateTimeOffset(2026, 4, 13, 0, 0, 0, TimeSpan.FromHours(8)), Open(c, DeadlineKind.Revisit).DueAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 12, 0, 0, 0, TimeSpan.FromHours(8)), c.ReviewWindowEndsAt);
        Assert.NotNull(Assert.Single(c.Deadlines, d => d.Kind == DeadlineKind.ProgressCallBack).MetAt);
    }

    [Fact]
    public void An_answer_after_the_limit_is_recorded_as_late()
    {
        var c = Accepted();
        c.Answer(Outcome.Explained, "政策暂不支持，已解释", "handler", Rules, T0.AddDays(61));

        Assert.False(c.AnsweredOnTime);
    }

    [Theory]
    [InlineData(Satisfaction.Satisfied, false, CaseStatus.Closed)]
    [InlineData(Satisfaction.BasicallySatisfied, false, CaseStatus.Closed)]
    [InlineData(Satisfaction.Dissatisfied, false, CaseStatus.Closed)]
    [InlineData(Satisfaction.Dissatisfied, true, CaseStatus.InProgress)]
    public void A_revisit_closes_the_case_unless_the_handler_caused_the_dissatisfaction(Satisfaction satisfaction, bool handlerAtFault, CaseStatus expected)
    {
        var c = Accepted();
        c.Answer(Outcome.Supported, "已处理", "handler", Rules, T0.AddDays(5));
        c.Revisit(satisfaction, handlerAtFault, null, "visitor", Rules, T0.AddDays(20));

        Assert.Equal(expected, c.Status);
        Assert.Equal(expected == CaseStatus.InProgress ? 1 : 0, c.Reopens);
        if (expected == CaseStatus.InProgress)
        {
            Assert.Equal(new DateTimeOffset(2026, 4, 7, 0, 0, 0, TimeSpan.FromHours(8)), Open(c, DeadlineKind.Resolve).DueAt);
        }
    }

    [Fact]
    public void Review_then_re_review_then_the_matter_is_final()
    {
        var c = Accepted();
        c.Answer(Outcome.NotSupported, "不符合补偿条件", "handler", Rules, T0.AddDays(5));
        c.Revisit(Satisfaction.Dissatisfied, false, "坚持诉求", "visitor", Rules, T0.AddDays(6));

        c.RequestReview("clerk", "对处理意见不服", Rules, T0.AddDays(20));
        Assert.Equal((CaseStatus.UnderReview, ReviewStage.Review), (c.Status, c.ReviewStage));
        c.AnswerReview(Outcome.NotSupported, "维持原处理意见", "county", Government("360702"), null, Rules, T0.AddDays(40));
        Assert.Equal(CaseStatus.Closed, c.Status);

        c.RequestReview("clerk", "申请复核", Rules, T0.AddDays(60));
        Assert.Equal(ReviewStage.ReReview, c.ReviewStage);
        c.AnswerReview(Outcome.NotSupported, "复核维持", "city", Government("3607"), null, Rules, T0.AddDays(80));

        Assert.Equal(CaseStatus.Terminated, c.Status);
        Assert.Throws<CaseTransitionException>(() => c.RequestReview("clerk", "再次", Rules, T0.AddDays(81)));
    }

    [Fact]
    public void A_review_may_be_asked_from_the_written_opinion_without_waiting_for_the_revisit()
    {
        var c = Accepted();
        c.Answer(Outcome.NotSupported, "不符合补偿条件", "handler", Rules, T0.AddDays(5));

        c.RequestReview("clerk", "对处理意见不服", Rules, T0.AddDays(6));

        Assert.Equal((CaseStatus.UnderReview, ReviewStage.Review), (c.Status, c.ReviewStage));
        Assert.DoesNotContain(c.Deadlines, d => d.Kind == DeadlineKind.Revisit && d.IsOpen);
        Assert.Throws<CaseTransitionException>(() => c.Revisit(Satisfaction.Satisfied, false, null, "visitor", Rules, T0.AddDays(7)));
    }

    [Theory]
    [InlineData(false, "360702", true)]
    [InlineData(false, "3607", true)]
    [InlineData(false, "360703", false)]
    [InlineData(true, "360702", true)]
    [InlineData(true, "3607", true)]
    [InlineData(true, "360703", false)]
    public void The_review_belongs_to_a_body_above_the_one_that_answered(bool byDepartment, string reviewer, bool allowed)
    {
        // A town office (360702003) answered, or a district bureau (region 360702) whose government may review it;
        // the bureau's answer returns the case to the town, so the answering body is not the holder.
        var c = Accepted();
        if (byDepartment)
        {
            c.Escalate(Department, "town", "需区人社局处理", Rules, T0.AddHours(3));
            c.Sign("bureau", T0.AddHours(4));
        }

        c.Answer(Outcome.NotSupported, "不符合补偿条件", "handler", Rules, T0.AddDays(5));
        c.RequestReview("clerk", "对处理意见不服", Rules, T0.AddDays(6));

        void Review() => c.AnswerReview(Outcome.NotSupported, "维持原处理意见", "reviewer", Government(reviewer), byDepartment ? "360702" : null, Rules, T0.AddDays(20));

        GoesThroughOrIsRefused(c, allowed, Review, CaseStatus.Closed);
    }

    [Fact]
    public void A_county_office_that_answered_is_not_reviewed_by_itself()
    {
        var c = NewCase();
        c.Assign(new Holder(HolderKind.Region, "360702000000", "章贡区信访局"), "router", null, Rules, T0.AddHours(1));
        c.Accept("handler", Rules, T0.AddHours(2));
        c.Answer(Outcome.NotSupported, "不符合补偿条件", "handler", Rules, T0.AddDays(5));
        c.RequestReview("clerk", "对处理意见不服", Rules, T0.AddDays(6));

        Assert.Throws<CaseTransitionException>(() => c.AnswerReview(Outcome.NotSupported, "维持", "county", Government("360702"), null, Rules, T0.AddDays(20)));
        c.AnswerReview(Outcome.NotSupported, "维持", "city", Government("3607"), null, Rules, T0.AddDays(20));
        Assert.Equal(CaseStatus.Closed, c.Status);
    }

    [Fact]
    public void No_bureau_reviews_its_own_answer_nor_a_sister_bureaus_and_an_unknown_answering_bureau_is_reviewed_by_nobody()
    {
        var c = Accepted();
        c.Escalate(Department, "town", "需区人社局处理", Rules, T0.AddHours(3));
        c.Sign("bureau", T0.AddHours(4));
        c.Answer(Outcome.NotSupported, "不符合补偿条件", "bureau", Rules, T0.AddDays(5));
        c.RequestReview("clerk", "对处理意见不服", Rules, T0.AddDays(6));

        void Review(Reviewer reviewer, string? departmentRegion) =>
            c.AnswerReview(Outcome.NotSupported, "维持原处理意见", "reviewer", reviewer, departmentRegion, Rules, T0.AddDays(20));

        Assert.Throws<CaseTransitionException>(() => Review(new Reviewer("360702", [Department.Code]), "360702"));
        Assert.Throws<CaseTransitionException>(() => Review(new Reviewer("360702", ["360702-ZJJ"]), "360702"));
        Assert.Throws<CaseTransitionException>(() => Review(new Reviewer("3607", [Department.Code]), "360702"));
        Assert.Throws<CaseTransitionException>(() => Review(Government("3607"), null));
        Review(new Reviewer("3607", ["3607-RSJ"]), "360702");
        Assert.Equal(CaseStatus.Closed, c.Status);
    }

    private static Reviewer Government(string region) => new(region, []);

    /// <summary>The review's answer either goes through, leaving the case <paramref name="after"/>, or is refused naming the body above which it had to be.</summary>
    private static void GoesThroughOrIsRefused(Case c, bool allowed, Action answer, CaseStatus after)
    {
        if (allowed)
        {
            answer();
            Assert.Equal(after, c.Status);
        }
        else
        {
            Assert.Contains("360702", Assert.Throws<CaseTransitionException>(answer).Message);
            Assert.Equal(CaseStatus.UnderReview, c.Status);
        }
    }

    [Theory]
    [InlineData("360702", false)]
    [InlineData("360702001", false)]
    [InlineData("360703", false)]
    [InlineData("3607", true)]
    public void The_re_review_belongs_to_a_body_above_the_one_that_answered_the_review(string reReviewer, bool allowed)
    {
        var c = Accepted();
        c.Answer(Outcome.NotSupported, "不符合补偿条件", "handler", Rules, T0.AddDays(5));
        c.RequestReview("clerk", "对处理意见不服", Rules, T0.AddDays(6));
        c.AnswerReview(Outcome.NotSupported, "维持原处理意见", "county-leader", Government("360702"), null, Rules, T0.AddDays(20));
        c.RequestReview("clerk", "申请复核", Rules, T0.AddDays(25));

        void ReReview() => c.AnswerReview(Outcome.NotSupported, "复核维持", "reviewer", Government(reReviewer), null, Rules, T0.AddDays(30));

        GoesThroughOrIsRefused(c, allowed, ReReview, CaseStatus.Terminated);
    }

    [Theory]
    [InlineData("360702003201", false)]
    [InlineData("360702003000", true)]
    [InlineData("360702000000", true)]
    public void An_accusation_goes_to_a_level_above_the_accused_never_to_the_accused_itself(string holderCode, bool allowed)
    {
        var c = NewCase(type: MatterType.Accusation);
        void Assign() => c.Assign(new Holder(HolderKind.Region, holderCode, "某单位"), "router", null, Rules, T0.AddHours(1));

        if (allowed)
        {
            Assign();
            Assert.Equal(CaseStatus.Assigned, c.Status);
        }
        else
        {
            Assert.Throws<CaseTransitionException>(Assign);
            Assert.Null(c.Holder);
        }
    }

    [Fact]
    public void An_accusation_is_not_reassigned_to_the_accused_either_but_a_department_takes_it()
    {
        var c = NewCase(type: MatterType.Accusation);
        c.Assign(Town, "router", null, Rules, T0.AddHours(1));

        Assert.Throws<CaseTransitionException>(() => c.Reassign(new Holder(HolderKind.Region, "360702003201", "被检举村"), "router", "转村处理", Rules, T0.AddHours(2)));
        c.Reassign(Department, "router", "转纪检监察", Rules, T0.AddHours(2));
        Assert.Equal(Department, c.Holder);
    }

    [Fact]
    public void A_review_asked_after_30_days_of_the_opinion_is_refused()
    {
        var c = Accepted();
        c.Answer(Outcome.NotSupported, "不予支持", "handler", Rules, T0.AddDays(5));
        c.Revisit(Satisfaction.Dissatisfied, false, null, "visitor", Rules, T0.AddDays(6));

        Assert.Throws<CaseTransitionException>(() => c.RequestReview("clerk", "迟到的复查", Rules, T0.AddDays(37)));
    }

    [Fact]
    public void An_escalated_work_order_is_signed_answered_by_the_department_and_returns_to_the_town()
    {
        var c = Accepted();
        c.Escalate(Department, "town", "需区人社局解决", Rules, T0.AddDays(1));
        Assert.Equal((CaseStatus.Escalated, Department), (c.Status, c.Holder));
        Assert.Equal(T0.AddDays(1).AddHours(24), Open(c, DeadlineKind.Sign).DueAt);

        c.Sign("dept", T0.AddDays(1).AddHours(3));
        c.Answer(Outcome.Supported, "已核定并补发", "dept", Rules, T0.AddDays(4));

        Assert.Equal((CaseStatus.Answered, Town), (c.Status, c.Holder));
        Assert.Equal(Department.Name, c.AnsweredBy);
        Assert.NotNull(Assert.Single(c.Deadlines, d => d.Kind == DeadlineKind.WorkOrderResult).MetAt);
    }

    [Fact]
    public void A_department_sending_a_work_order_back_returns_it_to_the_town_in_progress()
    {
        var c = Accepted();
        c.Escalate(Department, "town", "需区人社局解决", Rules, T0.AddDays(1));
        c.SendBack("dept", "材料不全，请补充身份证明", Rules, T0.AddDays(2));

        Assert.Equal((CaseStatus.InProgress, Town), (c.Status, c.Holder));
        Assert.DoesNotContain(c.Deadlines, d => d.Kind is DeadlineKind.Sign or DeadlineKind.WorkOrderResult && d.IsOpen);
        Assert.NotNull(Open(c, DeadlineKind.Resolve));
    }

    [Fact]
    public void A_department_cannot_escalate_further_and_a_registered_case_cannot_be_answered()
    {
        var c = Accepted();
        c.Escalate(Department, "town", "需区人社局解决", Rules, T0.AddDays(1));
        c.Sign("dept", T0.AddDays(1));
        Assert.Throws<CaseTransitionException>(() => c.Escalate(Department with { Code = "x" }, "dept", "再转", Rules, T0.AddDays(2)));
        Assert.Throws<CaseTransitionException>(() => NewCase().Answer(Outcome.Supported, "x", "h", Rules, T0));
    }

    [Fact]
    public void Disputes_are_mediated_forward_and_settled_at_a_level()
    {
        var c = NewCase(type: MatterType.Dispute);
        c.Assign(Town, "router", null, Rules, T0);
        c.Accept("handler", Rules, T0);
        c.RecordMediation(new MediationRecord(MediationStep.Investigated, null, ["刘大明", "刘小明"], null, null), "handler", "走访双方", T0.AddDays(1));
        c.RecordMediation(new MediationRecord(MediationStep.Mediated, null, null, "村调解员张", null), "handler", null, T0.AddDays(2));
        c.RecordMediation(new MediationRecord(MediationStep.Settled, MediationLevel.Village, null, null, "宅基地界址以村委会测量为准，双方各让一米"), "handler", "签订调解协议", T0.AddDays(3));

        Assert.Equal((MediationStep.Settled, MediationLevel.Village), (c.MediationStep, c.SettledLevel));
        Assert.Equal(["刘大明", "刘小明"], c.MediationParties);
        Assert.Equal("村调解员张", c.Mediator);
        Assert.Equal((CaseStatus.Closed, Outcome.Supported, T0.AddDays(3)), (c.Status, c.Outcome, c.ClosedAt));
        Assert.Contains("双方各让一米", c.Opinion);
        Assert.DoesNotContain(c.Deadlines, d => d.IsOpen);
        Assert.Throws<CaseTransitionException>(() => c.RecordMediation(new MediationRecord(MediationStep.Mediated, null, null, "某", null), "handler", null, T0.AddDays(4)));
        Assert.Throws<CaseTransitionException>(() => Accepted().RecordMediation(new MediationRecord(MediationStep.Investigated, null, ["甲", "乙"], null, null), "h", null, T0));
    }

    [Fact]
    public void A_dispute_is_not_settled_without_its_parties_or_an_agreement()
    {
        var c = NewCase(type: MatterType.Dispute);
        c.Assign(Town, "router", null, Rules, T0);
        c.Accept("handler", Rules, T0);

        Assert.Equal("parties", Assert.Throws<DomainException>(() => c.RecordMediation(new MediationRecord(MediationStep.Settled, MediationLevel.Group, null, null, "协议"), "h", null, T0)).Field);
        Assert.Equal("agreement", Assert.Throws<DomainException>(() => c.RecordMediation(new MediationRecord(MediationStep.Settled, MediationLevel.Group, ["甲", "乙"], null, null), "h", null, T0)).Field);
        Assert.Null(c.MediationStep);
        Assert.Equal(CaseStatus.Accepted, c.Status);
    }

    [Fact]
    public void Supervision_is_set_once_and_only_on_open_cases()
    {
        var c = Accepted();

        Assert.True(c.Supervise("办理超期", T0.AddDays(61)));
        Assert.False(c.Supervise("办理超期", T0.AddDays(62)));
        Assert.Single(c.Steps, s => s.Action == "Supervise");
    }

    [Fact]
    public void Ownership_is_recorded_with_each_change_in_history()
    {
        var c = Accepted();
        c.SetOwnership(new Ownership("王副镇长", "综治办", "handler-1", "李办事员", new DateOnly(2026, 4, 1), "满意率100%"), "leader", T0.AddDays(1));
        c.SetOwnership(new Ownership("王副镇长", "社保所", "handler-2", "赵办事员", new DateOnly(2026, 4, 1), "满意率100%"), "leader", T0.AddDays(2));

        Assert.Equal("handler-2", c.Ownership!.HandlerUserId);
        Assert.Equal(2, c.Steps.Count(s => s.Action == "SetOwnership"));
        Assert.Contains("李办事员", c.Steps.First(s => s.Action == "SetOwnership").Note);
    }
}
