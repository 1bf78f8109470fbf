using MassWork.ServiceDefaults.Errors;
using MassWork.Visits.SpotChecks;

namespace MassWork.UnitTests.Visits;

public sealed class SpotCheckCallTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Cadre = Guid.Parse("0193a5b2-0000-7000-8000-000000000001");
    private static readonly Guid Visit = Guid.Parse("0193a5b2-0000-7000-8000-0000000000a1");

    private static SpotCheckCall Call()
    {
        var sample = new SpotCheckSample(1, 1);
        var household = Guid.Parse("0193a5b2-0000-7000-8000-0000000000b1");
        sample.Offer(household);
        var check = SpotCheck.Draw(new CheckedDraw("360702003", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 1, 1), sample,
            new Dictionary<Guid, SampledHousehold> { [household] = new(household, "360702003250", [Visit], [Cadre]) }, "supervisor", Now);
        return Assert.Single(check.Calls);
    }

    private static string Refused(SpotCheckCall call, CallAnswer answer)
    {
        var refused = Assert.ThrowsAny<DomainException>(() => call.Answer(answer, "supervisor", Now));
        Assert.Equal(DomainProblem.Invalid, refused.Problem);
        return refused.Field!;
    }

    [Fact]
    public void A_household_that_confirms_a_visit_passes_and_one_that_denies_it_fails()
    {
        var passed = Call();
        Assert.Equal(CallOutcome.Passed, passed.Answer(new CallAnswer(true, true, Cadre, true, " 刘桂英说宋明辉上月来过 "), "supervisor", Now));
        Assert.Equal(1, passed.Attempts);
        Assert.Equal(Cadre, passed.NamedCadreId);
        Assert.True(passed.Satisfied);
        Assert.Equal("刘桂英说宋明辉上月来过", passed.Notes);

        var failed = Call();
        Assert.Equal(CallOutcome.Failed, failed.Answer(new CallAnswer(true, false, null, false, null), "supervisor", Now));
        Assert.Equal(new[] { Visit }, failed.VisitIds);
        Assert.Equal(Now, failed.AnsweredAt);
    }

    [Fact]
    public void A_household_not_reached_may_be_called_again_but_an_answer_stands()
    {
        var call = Call();
        Assert.Equal(CallOutcome.Unreached, call.Answer(new CallAnswer(false, null, null, null, null), "supervisor", Now));
        Assert.Equal(CallOutcome.Passed, call.Answer(new CallAnswer(true, true, null, null, null), "supervisor", Now.AddHours(1)));
        Assert.Equal(2, call.Attempts);
        var again = Assert.ThrowsAny<DomainException>(() => call.Answer(new CallAnswer(true, false, null, null, null), "other", Now));
        Assert.Equal(DomainProblem.Conflict, again.Problem);
        Assert.Equal(CallOutcome.Passed, call.Outcome);
    }

    [Fact]
    public void An_incomplete_or_contradictory_answer_is_refused_by_field_and_changes_nothing()
    {
        var call = Call();
        Assert.Equal("reached", Refused(call, new CallAnswer(null, true, null, null, null)));
        Assert.Equal("visited", Refused(call, new CallAnswer(false, true, null, null, null)));
        Assert.Equal("satisfied", Refused(call, new CallAnswer(false, null, null, true, null)));
        Assert.Equal("visited", Refused(call, new CallAnswer(true, null, null, null, null)));
        Assert.Equal("namedCadreId", Refused(call, new CallAnswer(true, true, Guid.NewGuid(), null, null)));
        Assert.Equal("namedCadreId", Refused(call, new CallAnswer(true, false, Cadre, null, null)));
        Assert.Equal("notes", Refused(call, new CallAnswer(true, true, null, null, new string('话', SpotCheckCall.MaxNotes + 1))));
        Assert.Equal(CallOutcome.Pending, call.Outcome);
        Assert.Equal(0, call.Attempts);
        Assert.Null(call.AnsweredBy);
    }
}
