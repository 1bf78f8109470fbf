using MassWork.Personnel.Attendance;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.Regions;

namespace MassWork.UnitTests.Personnel;

public sealed class AttendanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Leader = Guid.NewGuid();
    private static readonly Guid Secretary = Guid.NewGuid();
    private static readonly Guid CityLeader = Guid.NewGuid();
    private static readonly LeaveApprovers Approvers = new(Leader, Secretary, CityLeader);

    [Theory]
    [InlineData(1, new[] { LeaveStep.TeamLeader })]
    [InlineData(2, new[] { LeaveStep.TeamLeader, LeaveStep.TownPartySecretary })]
    [InlineData(3, new[] { LeaveStep.CityLeader })]
    [InlineData(10, new[] { LeaveStep.CityLeader })]
    public void The_chain_follows_the_length_of_the_leave(int days, LeaveStep[] steps) => Assert.Equal(steps, LeaveChain.StepsFor(days));

    [Fact]
    public void A_team_leaders_own_one_day_leave_goes_to_the_town_party_secretary()
    {
        Assert.Equal(Leader, LeaveChain.ApproverFor(LeaveStep.TeamLeader, Guid.NewGuid(), Approvers));
        Assert.Equal(Secretary, LeaveChain.ApproverFor(LeaveStep.TeamLeader, Leader, Approvers));
    }

    [Fact]
    public void Two_days_need_the_leader_then_the_secretary()
    {
        var leave = Leave(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24));

        leave.Decide(Leader, "leader", approve: true, "同意", Now);
        Assert.Equal((LeaveStatus.Pending, LeaveStep.TownPartySecretary), (leave.Status, leave.CurrentStep));

        leave.Decide(Secretary, "secretary", approve: true, null, Now);
        Assert.Equal(LeaveStatus.Approved, leave.Status);
        Assert.Equal([LeaveStep.TeamLeader, LeaveStep.TownPartySecretary], leave.Decisions.Select(d => d.Step));
    }

    [Fact]
    public void One_rejection_ends_the_leave_and_decisions_are_final()
    {
        var leave = Leave(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24));

        leave.Decide(Leader, "leader", approve: false, "村里有防汛任务", Now);

        Assert.Equal(LeaveStatus.Rejected, leave.Status);
        Assert.Null(leave.CurrentStep);
        Assert.Throws<InvalidOperationException>(() => leave.Decide(Secretary, "secretary", approve: true, null, Now));
        Assert.Single(leave.Decisions);
    }

    [Fact]
    public void Weeks_run_Monday_to_Sunday_and_months_whole()
    {
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), PresenceRule.PeriodContaining(new DateOnly(2026, 11, 22), PresencePeriod.Week));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), PresenceRule.PeriodContaining(new DateOnly(2026, 11, 23), PresencePeriod.Week));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), PresenceRule.PeriodContaining(new DateOnly(2026, 2, 14), PresencePeriod.Month));
    }

    [Fact]
    public void Approved_leave_in_the_period_lowers_the_required_days()
    {
        Assert.Equal(2, PresenceRule.Overlap(new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)));
        Assert.Equal(0, PresenceRule.Overlap(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)));
        Assert.Equal(3, PresenceRule.RequiredDays(5, 2));
        Assert.Equal(0, PresenceRule.RequiredDays(5, 7));
    }

    [Fact]
    public void Distance_is_great_circle_metres()
    {
        var village = new GeoPoint(25.95, 115.41);

        Assert.InRange(village.DistanceMeters(new GeoPoint(26.95, 115.41)), 111_150, 111_250);
        Assert.InRange(village.DistanceMeters(new GeoPoint(25.95, 115.42)), 995, 1_005);
        Assert.Equal(0, village.DistanceMeters(village));
    }

    [Fact]
    public void A_check_in_is_far_only_when_its_accuracy_cannot_bring_it_within_the_radius_and_unknown_without_positions()
    {
        var village = new GeoPoint(25.95, 115.41);
        var about3100m = new GeoPoint(25.95 + 3100 / 111_195.0, 115.41);

        Assert.Equal(new CheckInDistance(3100, true), CheckInPlace.Assess(about3100m, null, village, 3000));
        Assert.False(CheckInPlace.Assess(about3100m, 150, village, 3000)!.Far);
        // An accuracy as wide as the whole county excuses no more than the radius.
        Assert.True(CheckInPlace.Assess(new GeoPoint(26.05, 115.41), 50_000, village, 3000)!.Far);
        Assert.Null(CheckInPlace.Assess(null, null, village, 3000));
        Assert.Null(CheckInPlace.Assess(about3100m, 10, null, 3000));
    }

    [Fact]
    public void A_half_given_or_impossible_point_is_refused_by_field()
    {
        var validator = new CheckInValidator();
        Assert.Null(GeoPoint.From(25.9, null));
        Assert.Equal(["longitude"], validator.Validate(new CheckInRequest(null, 25.9, null, null)).ToErrors().Keys);

        Assert.Null(GeoPoint.From(91, 115));
        Assert.Equal(["latitude"], validator.Validate(new CheckInRequest(null, 91, 115, null)).ToErrors().Keys);

        Assert.Null(GeoPoint.From(null, null));
        Assert.Empty(validator.Validate(new CheckInRequest(null, null, null, null)).ToErrors());
    }

    [Fact]
    public void An_accuracy_needs_a_whole_point_and_a_sane_radius()
    {
        var validator = new CheckInValidator();

        Assert.Empty(validator.Validate(new CheckInRequest("到村", 25.9, 115.4, 30)).ToErrors());
        Assert.Equal(["accuracyMeters"], validator.Validate(new CheckInRequest(null, null, null, 30)).ToErrors().Keys);
        Assert.Equal(["accuracyMeters", "longitude"], validator.Validate(new CheckInRequest(null, 25.9, null, 30)).ToErrors().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["accuracyMeters"], validator.Validate(new CheckInRequest(null, 25.9, 115.4, CheckInPlace.MaxAccuracyMeters + 1)).ToErrors().Keys);
    }

    [Fact]
    public void A_region_location_needs_both_coordinates_and_is_refused_with_a_bad_code_at_once()
    {
        var validator = new LocationValidator();

        Assert.Equal(["Required, with longitude."], validator.Validate(new LocateRequest(null, null)).ToErrors()["latitude"]);
        Assert.Equal(["longitude"], validator.Validate(new LocateRequest(25.9, null)).ToErrors().Keys);
        // Once the route's code was judged first and a missing point went unmentioned; now both are named.
        Assert.Equal(["code", "latitude"],
            validator.Validate(new LocateRequest(null, null)).Also("code", LocationValidator.CodeProblem("360702000000")).ToErrors().Keys.Order(StringComparer.Ordinal));
        Assert.Null(LocationValidator.CodeProblem("360702003000"));
    }

    [Fact]
    public void Leave_is_asked_before_leaving_for_at_most_the_longest_chain()
    {
        var today = new DateOnly(2026, 11, 22);
        Dictionary<string, string[]> Errors(RequestLeaveRequest request) => new LeaveValidator().Validate(request, today).ToErrors();

        Assert.Empty(Errors(new RequestLeaveRequest(today, today, "家中老人住院")));
        Assert.Equal(["firstDay", "lastDay", "reason"], Errors(new RequestLeaveRequest(null, null, " ")).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Leave is asked before leaving: the first day cannot be in the past."],
            Errors(new RequestLeaveRequest(today.AddDays(-1), today, "病假"))["firstDay"]);
        Assert.Equal([$"On or after the first day, at most {LeaveChain.MaxDays} days."],
            Errors(new RequestLeaveRequest(today, today.AddDays(LeaveChain.MaxDays), "病假"))["lastDay"]);
        Assert.Equal(["lastDay"], Errors(new RequestLeaveRequest(today.AddDays(2), today.AddDays(1), "病假")).Keys);
    }

    private static LeaveRequest Leave(DateOnly first, DateOnly last) =>
        LeaveRequest.Create(Guid.NewGuid(), Guid.NewGuid(), "360731105000", first, last, "家中老人住院", Now);
}
