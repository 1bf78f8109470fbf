using MassWork.Petitions.Cases;

namespace MassWork.UnitTests.Petitions;

public sealed class IntakeCheckTests
{
    private static EarlierMatter Earlier(IntakeLevel level, CaseStatus status) => new(Guid.NewGuid(), "XF-0", level, status);

    [Fact]
    public void A_new_matter_is_accepted_for_registration()
    {
        Assert.Equal(IntakeDecision.New, IntakeCheck.Decide(IntakeLevel.Town, []));
        Assert.Equal(IntakeDecision.New, IntakeCheck.Decide(IntakeLevel.Town, [Earlier(IntakeLevel.Town, CaseStatus.Closed)]));
    }

    [Fact]
    public void The_same_matter_still_open_is_a_repeat_linked_to_it()
    {
        var open = Earlier(IntakeLevel.Town, CaseStatus.InProgress);
        var decision = IntakeCheck.Decide(IntakeLevel.Town, [open]);

        Assert.Equal((false, open.Id, false), (decision.Accepted, decision.RepeatOf, decision.SkipLevel));
    }

    [Fact]
    public void A_matter_handled_below_is_not_accepted_above_and_is_flagged_skip_level()
    {
        var below = Earlier(IntakeLevel.Town, CaseStatus.Accepted);
        var decision = IntakeCheck.Decide(IntakeLevel.County, [below]);

        Assert.Equal((false, below.Id, true), (decision.Accepted, decision.RepeatOf, decision.SkipLevel));
        Assert.Contains("越级", decision.Reason);
    }

    [Fact]
    public void A_matter_only_registered_below_is_a_repeat_not_a_skip()
    {
        var decision = IntakeCheck.Decide(IntakeLevel.County, [Earlier(IntakeLevel.Town, CaseStatus.Registered)]);

        Assert.False(decision.SkipLevel);
    }

    [Fact]
    public void A_matter_final_after_re_review_is_never_accepted_again()
    {
        var decision = IntakeCheck.Decide(IntakeLevel.City, [Earlier(IntakeLevel.Town, CaseStatus.Terminated)]);

        Assert.False(decision.Accepted);
        Assert.Contains("终结", decision.Reason);
    }
}
