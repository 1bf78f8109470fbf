using MassWork.Petitions.Cases;
using static MassWork.UnitTests.Petitions.CaseLifeTests;

namespace MassWork.UnitTests.Petitions;

/// <summary>The steps a case offers are the ones its methods take: a button shown is a step the case accepts.</summary>
public sealed class CaseActionTests
{
    [Fact]
    public void A_new_case_offers_routing_and_the_call_back_only_to_those_holding_their_permissions()
    {
        var c = NewCase();

        Assert.Equal(["assign", "progress-call-backs"], CaseActions.Available(c, _ => true));
        Assert.Equal(["assign"], CaseActions.Available(c, p => p == CasePermission.Route));
        Assert.Empty(CaseActions.Available(c, p => p == CasePermission.Handle));
    }

    [Fact]
    public void Each_stage_offers_its_next_steps_and_a_closed_case_only_the_review()
    {
        var c = NewCase();
        c.Assign(Town, "router", null, Rules, T0.AddHours(1));
        Assert.Equal(["assign", "accept", "not-accept", "object", "send-back", "ownership", "progress-call-backs"], CaseActions.Available(c, _ => true));

        c.Accept("handler", Rules, T0.AddHours(2));
        Assert.Equal(["assign", "send-back", "start", "ownership", "progress-call-backs", "extension", "escalate", "answer", "mediation"], CaseActions.Available(c, _ => true));

        c.Answer(Outcome.Supported, "已补发养老金", "handler", Rules, T0.AddDays(3));
        Assert.Equal(["revisit", "review-requests"], CaseActions.Available(c, _ => true));

        c.Revisit(Satisfaction.Satisfied, false, null, "follower", Rules, T0.AddDays(4));
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(["review-requests"], CaseActions.Available(c, _ => true));
    }

    [Fact]
    public void Every_step_offered_from_a_status_is_taken_from_it_and_one_not_offered_is_refused()
    {
        var c = NewCase();
        Assert.DoesNotContain("accept", CaseActions.Available(c, _ => true));
        Assert.Throws<CaseTransitionException>(() => c.Accept("handler", Rules, T0.AddHours(1)));

        c.Assign(Town, "router", null, Rules, T0.AddHours(1));
        Assert.Contains("accept", CaseActions.Available(c, _ => true));
        c.Accept("handler", Rules, T0.AddHours(2));
        Assert.Equal(CaseStatus.Accepted, c.Status);
    }
}
