using MassWork.Petitions.Cases;
using MassWork.Petitions.PublicQuery;

namespace MassWork.UnitTests.Petitions;

/// <summary>The public case query's rules: the petitioner's rating (评价), the one-time code, and how often codes go.</summary>
public sealed class PublicQueryTests
{
    private static readonly DateTimeOffset T0 = CaseLifeTests.T0;

    [Fact]
    public void A_case_is_rated_once_after_its_answer_and_the_rating_is_its_satisfaction_until_the_revisit_speaks_again()
    {
        var c = CaseLifeTests.NewCase();
        c.Assign(CaseLifeTests.Town, "router", null, CaseLifeTests.Rules, T0.AddHours(1));
        c.Accept("handler", CaseLifeTests.Rules, T0.AddHours(2));
        Assert.False(c.MayBeRated);
        Assert.Throws<CaseTransitionException>(() => c.Rate(Satisfaction.Satisfied, null, T0.AddHours(3)));

        c.Answer(Outcome.Supported, "已补发", "handler", CaseLifeTests.Rules, T0.AddDays(1));
        c.Rate(Satisfaction.Dissatisfied, "到账太慢", T0.AddDays(2));

        Assert.Equal((Satisfaction.Dissatisfied, Satisfaction.Dissatisfied, CaseStatus.Answered), (c.Rating, c.Satisfaction, c.Status));
        var step = c.Steps[^1];
        Assert.Equal(("Rate", Case.PetitionerActor, "Dissatisfied 到账太慢"), (step.Action, step.ActorUserId, step.Note));
        Assert.Throws<CaseTransitionException>(() => c.Rate(Satisfaction.Satisfied, null, T0.AddDays(3)));

        // The revisit call records the petitioner's word again; their own rating stays as given.
        c.Revisit(Satisfaction.BasicallySatisfied, handlerAtFault: false, null, "handler", CaseLifeTests.Rules, T0.AddDays(4));
        Assert.Equal((Satisfaction.Dissatisfied, Satisfaction.BasicallySatisfied), (c.Rating, c.Satisfaction));
    }

    [Fact]
    public void A_refused_matter_may_be_rated_too()
    {
        var c = CaseLifeTests.NewCase(decision: new IntakeDecision(false, Guid.NewGuid(), false, "重复反映"));

        Assert.True(c.MayBeRated);
        c.Rate(Satisfaction.BasicallySatisfied, null, T0);
        Assert.False(c.MayBeRated);
    }

    [Fact]
    public void A_code_opens_one_session_and_dies_after_five_wrong_tries_or_ten_minutes()
    {
        byte[] right = [1, 2, 3], wrong = [9, 9, 9], phone = [7, 7, 7];
        var used = QueryCode.Issue(Guid.NewGuid(), Guid.NewGuid(), right, phone, T0);
        Assert.True(used.TryRedeem(phone, right, T0.AddMinutes(1)));
        Assert.False(used.TryRedeem(phone, right, T0.AddMinutes(2)));

        var guessed = QueryCode.Issue(Guid.NewGuid(), Guid.NewGuid(), right, phone, T0);
        for (var i = 0; i < PublicQueryPolicy.MaxAttempts; i++)
        {
            Assert.False(guessed.TryRedeem(phone, wrong, T0));
        }

        Assert.False(guessed.TryRedeem(phone, right, T0));

        var late = QueryCode.Issue(Guid.NewGuid(), Guid.NewGuid(), right, phone, T0);
        Assert.False(late.TryRedeem(phone, right, T0 + PublicQueryPolicy.CodeLifetime));
        Assert.True(QueryCode.Issue(Guid.NewGuid(), Guid.NewGuid(), right, phone, T0).TryRedeem(phone, right, T0 + PublicQueryPolicy.CodeLifetime - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Tries_with_another_phone_never_open_the_code_nor_use_up_its_tries()
    {
        byte[] right = [1, 2, 3], wrong = [9, 9, 9], phone = [7, 7, 7], stranger = [5, 5, 5];
        var code = QueryCode.Issue(Guid.NewGuid(), Guid.NewGuid(), right, phone, T0);

        for (var i = 0; i < 3 * PublicQueryPolicy.MaxAttempts; i++)
        {
            Assert.False(code.TryRedeem(stranger, wrong, T0));
        }

        Assert.False(code.TryRedeem(stranger, right, T0));
        Assert.Equal(0, code.FailedAttempts);
        Assert.True(code.TryRedeem(phone, right, T0));
    }

    [Fact]
    public void A_case_gets_a_code_a_minute_at_most_and_five_a_day()
    {
        Assert.True(PublicQueryPolicy.MayIssue([], T0));
        Assert.False(PublicQueryPolicy.MayIssue([T0.AddSeconds(-30)], T0));
        Assert.True(PublicQueryPolicy.MayIssue([T0.AddMinutes(-2)], T0));

        DateTimeOffset[] five = [.. Enumerable.Range(1, 5).Select(h => T0.AddHours(-h))];
        Assert.False(PublicQueryPolicy.MayIssue(five, T0));
        Assert.True(PublicQueryPolicy.MayIssue(five, T0.AddHours(20)));
    }

    [Fact]
    public void A_code_goes_to_the_phone_the_case_was_registered_with_or_for_a_households_matter_to_its_member_never_for_an_accusation_without_one()
    {
        const string phone = "cGhvbmU=", other = "b3RoZXI=";
        string[] members = [other];

        Assert.Equal(CodeRoute.Petitioner, PublicQueryPolicy.RouteFor(phone, members, accusation: false, phone));
        Assert.Equal(CodeRoute.None, PublicQueryPolicy.RouteFor(phone, members, accusation: false, other));
        Assert.Equal(CodeRoute.Petitioner, PublicQueryPolicy.RouteFor(phone, null, accusation: true, phone));
        Assert.Equal(CodeRoute.Household, PublicQueryPolicy.RouteFor(null, members, accusation: false, other));
        Assert.Equal(CodeRoute.None, PublicQueryPolicy.RouteFor(null, members, accusation: false, phone));
        Assert.Equal(CodeRoute.None, PublicQueryPolicy.RouteFor(null, members, accusation: true, other));
        Assert.Equal(CodeRoute.None, PublicQueryPolicy.RouteFor(null, null, accusation: false, other));
    }

    [Fact]
    public void A_petitioner_follows_where_the_case_went_not_the_offices_own_steps()
    {
        Assert.Contains("Answer", PublicQueryPolicy.PublicSteps);
        Assert.DoesNotContain("SetOwnership", PublicQueryPolicy.PublicSteps);
        Assert.DoesNotContain("Supervise", PublicQueryPolicy.PublicSteps);
        Assert.DoesNotContain("SendBack", PublicQueryPolicy.PublicSteps);
    }
}
