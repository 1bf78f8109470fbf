using MassWork.Visits.Meetings;

namespace MassWork.UnitTests.Visits;

public sealed class MeetingValidationTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static readonly Guid Cadre = Guid.NewGuid();

    private static MeetingRequest Valid() => new("360702001201", Today, [Cadre], [Guid.NewGuid()], ["修复三组灌溉水渠"],
        [new FollowUpInput("联系水利站勘查", Cadre, Today.AddDays(14))]);

    private static Dictionary<string, string[]> Errors(MeetingRequest request) => new MeetingValidator().Validate(request, Today).ToErrors();

    [Fact]
    public void A_meeting_held_today_with_attendees_decisions_and_follow_ups_is_taken()
    {
        Assert.Empty(Errors(Valid()));
        var meeting = MeetingValidator.Checked(Valid());
        Assert.Equal(("360702001201", Today, Cadre), (meeting.VillageCode, meeting.HeldOn, meeting.FollowUps[0].OwnerCadreId));
    }

    [Fact]
    public void A_meeting_in_the_future_or_more_than_a_year_back_is_refused()
    {
        Assert.Contains("future", Errors(Valid() with { HeldOn = Today.AddDays(1) })["heldOn"][0]);
        Assert.Empty(Errors(Valid() with { HeldOn = Today.AddDays(-366) }));
        Assert.Contains("366", Errors(Valid() with { HeldOn = Today.AddDays(-367) })["heldOn"][0]);
        Assert.True(Errors(Valid() with { HeldOn = null }).ContainsKey("heldOn"));
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var errors = Errors(new MeetingRequest("3607", null, [], [Guid.Empty], ["", new string('x', 501)],
            [new FollowUpInput(null, Cadre, null), new FollowUpInput("回访", null, null), new FollowUpInput("回访", Cadre, Today.AddDays(-1))]));

        Assert.Equal(
            ["attendeeIds", "decisions[0]", "decisions[1]", "demandIds[0]", "followUps[0].task", "followUps[1].ownerCadreId", "heldOn", "villageCode"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_follow_up_is_due_on_or_after_the_meeting()
    {
        Assert.Empty(Errors(Valid() with { FollowUps = [new FollowUpInput("回访", Cadre, Today)] }));
        Assert.Equal(["followUps[0].dueOn"], Errors(Valid() with { FollowUps = [new FollowUpInput("回访", Cadre, Today.AddDays(-1))] }).Keys);
    }

    [Fact]
    public void An_attendee_listed_twice_is_named_at_the_second_place()
    {
        Assert.Equal(["attendeeIds[1]"], Errors(Valid() with { AttendeeIds = [Cadre, Cadre] }).Keys);
    }

    [Fact]
    public void A_null_follow_up_is_refused_by_its_place()
    {
        var errors = Errors(Valid() with { FollowUps = [null!, new FollowUpInput("回访", Cadre, null), null!] });

        Assert.Equal(["followUps[0]", "followUps[2]"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
