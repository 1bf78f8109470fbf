using MassWork.Visits.Records;

namespace MassWork.UnitTests.Visits;

public sealed class VisitRulesTests
{
    /// <summary>Wednesday 10 June 2026, 10:00 in Shanghai.</summary>
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_visit_is_never_in_the_future_beyond_a_phones_clock_skew()
    {
        Assert.Null(VisitRules.WhenProblem(Now, Now));
        Assert.Null(VisitRules.WhenProblem(Now + VisitRules.ClockSkew, Now));
        Assert.Contains("future", VisitRules.WhenProblem(Now + VisitRules.ClockSkew + TimeSpan.FromSeconds(1), Now));
        Assert.Contains("future", VisitRules.WhenProblem(Now.AddDays(1), Now));
    }

    [Fact]
    public void A_visit_more_than_a_year_back_is_a_mistyped_date()
    {
        Assert.Null(VisitRules.WhenProblem(Now.AddDays(-VisitRules.MaxAgeDays), Now));
        Assert.NotNull(VisitRules.WhenProblem(Now.AddDays(-VisitRules.MaxAgeDays - 1), Now));
    }

    [Theory]
    [InlineData("2026-06-10T09:00:00+08:00", false)]
    [InlineData("2026-06-07T00:00:00+08:00", false)]
    [InlineData("2026-06-06T23:59:59+08:00", true)]
    // 23:30 UTC on the 6th is 07:30 on the 7th in Shanghai: days are counted in Shanghai.
    [InlineData("2026-06-06T23:30:00+00:00", false)]
    [InlineData("2026-06-06T15:59:59+00:00", true)]
    public void A_visit_entered_more_than_the_allowed_Shanghai_days_later_is_a_late_entry(string visitedAt, bool late)
    {
        Assert.Equal(late, VisitRules.IsLateEntry(DateTimeOffset.Parse(visitedAt), Now, lateEntryDays: 3));
    }

    [Fact]
    public void With_no_days_allowed_a_visit_entered_the_next_day_is_late()
    {
        Assert.False(VisitRules.IsLateEntry(Now.AddHours(-9.5), Now, 0));
        Assert.True(VisitRules.IsLateEntry(Now.AddHours(-10.5), Now, 0));
    }

    [Fact]
    public void Home_and_phone_visits_are_to_one_household_each()
    {
        Assert.Null(VisitRules.ModeProblem(VisitMode.Home, 1, hasPlace: true, hasAid: true));
        Assert.Equal("householdIds", VisitRules.ModeProblem(VisitMode.Home, 2, false, false)?.Field);
        Assert.Null(VisitRules.ModeProblem(VisitMode.Phone, 1, false, false));
        Assert.Equal("householdIds", VisitRules.ModeProblem(VisitMode.Phone, 2, false, false)?.Field);
    }

    [Fact]
    public void A_phone_visit_has_no_place_and_hands_over_no_aid()
    {
        Assert.Equal("place", VisitRules.ModeProblem(VisitMode.Phone, 1, hasPlace: true, hasAid: false)?.Field);
        Assert.Equal("aid", VisitRules.ModeProblem(VisitMode.Phone, 1, hasPlace: false, hasAid: true)?.Field);
    }

    [Fact]
    public void A_meeting_has_at_least_two_households()
    {
        Assert.Equal("householdIds", VisitRules.ModeProblem(VisitMode.Meeting, 1, false, false)?.Field);
        Assert.Null(VisitRules.ModeProblem(VisitMode.Meeting, 2, true, true));
    }

    [Fact]
    public void A_group_talk_covers_at_least_thirty_households_in_two_or_three_villager_groups()
    {
        var tooFew = VisitRules.ModeProblem(VisitMode.GroupTalk, 29, true, false);
        Assert.Equal("householdIds", tooFew?.Field);
        Assert.Contains("29", tooFew?.Message);
        Assert.Null(VisitRules.ModeProblem(VisitMode.GroupTalk, 30, true, true));

        Assert.NotNull(VisitRules.GroupTalkGroupsProblem(0));
        Assert.NotNull(VisitRules.GroupTalkGroupsProblem(1));
        Assert.Null(VisitRules.GroupTalkGroupsProblem(2));
        Assert.Null(VisitRules.GroupTalkGroupsProblem(3));
        Assert.Contains("4", VisitRules.GroupTalkGroupsProblem(4));
    }

    [Fact]
    public void Aid_is_counted_in_exact_fen_and_capped_for_one_visit()
    {
        Assert.Null(VisitRules.AidTotalProblem(VisitRules.MaxAidFen - 1, [new AidGoods("大米", 1, 1)]));
        Assert.Contains("fen", VisitRules.AidTotalProblem(VisitRules.MaxAidFen, [new AidGoods("大米", 1, 1)]));
    }
}
