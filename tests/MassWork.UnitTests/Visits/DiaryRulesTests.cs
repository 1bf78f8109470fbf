using MassWork.Visits.Cadres;
using MassWork.Visits.Diary;
using Microsoft.AspNetCore.Http;

namespace MassWork.UnitTests.Visits;

public sealed class DiaryRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static readonly CadreRecord Cadre = new() { Id = Guid.NewGuid(), Name = "叶志明", Rank = "General", RegionCode = "360702001000", UserId = "ye.zhiming" };

    private static Caller Caller(string userId, string role, string region = "360702001") => new(userId, new HashSet<string> { role }, region);

    [Fact]
    public void A_cadre_keeps_their_own_diary_and_staff_of_the_cadres_region_write_it_from_paper()
    {
        Assert.Null(DiaryRules.Check(Caller("ye.zhiming", Roles.WorkTeam), Cadre, "cadreId"));
        Assert.Null(DiaryRules.Check(Caller("town-clerk", Roles.TownStaff), Cadre, "cadreId"));
        Assert.Null(DiaryRules.Check(Caller("county-leader", Roles.Leader, "360702"), Cadre, "cadreId"));
    }

    [Fact]
    public void A_work_team_member_does_not_write_anothers_diary_and_staff_elsewhere_are_outside_their_region()
    {
        var teammate = DiaryRules.Check(Caller("song.minghui", Roles.WorkTeam), Cadre, "cadreId");
        var elsewhere = DiaryRules.Check(Caller("other-clerk", Roles.TownStaff, "360702002"), Cadre, "cadre");

        Assert.Equal(StatusCodes.Status403Forbidden, teammate!.StatusCode);
        Assert.StartsWith("cadreId", teammate.ProblemDetails.Detail);
        Assert.Equal(StatusCodes.Status403Forbidden, elsewhere!.StatusCode);
        Assert.StartsWith("cadre ", elsewhere.ProblemDetails.Detail);
    }

    [Fact]
    public void An_entry_is_about_a_day_that_has_come_not_older_than_a_visit_may_be_and_not_before_its_visit()
    {
        Assert.Null(DiaryRules.DateProblem(Today, Today, null));
        Assert.Null(DiaryRules.DateProblem(Today.AddDays(-366), Today, null));
        Assert.Null(DiaryRules.DateProblem(Today.AddDays(-1), Today, Today.AddDays(-1)));
        Assert.Contains("future", DiaryRules.DateProblem(Today.AddDays(1), Today, null));
        Assert.NotNull(DiaryRules.DateProblem(Today.AddDays(-367), Today, null));
        Assert.Contains("Before the visit", DiaryRules.DateProblem(Today.AddDays(-2), Today, Today.AddDays(-1)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("走访刘桂英家，老人反映便桥垮塌，已记录并上报。", true)]
    public void An_entry_has_text_of_at_most_four_thousand_characters(string? text, bool valid)
    {
        Assert.Equal(valid, DiaryRules.TextProblem(text) is null);
        Assert.NotNull(DiaryRules.TextProblem(new string('记', DiaryRules.MaxText + 1)));
    }

    [Fact]
    public void An_entry_without_a_date_is_about_its_visits_day_and_judged_by_it()
    {
        var validator = new DiaryValidator();
        var oldVisit = new DiaryDays(Today, Today.AddDays(-400));

        Assert.Equal(["date", "text"], validator.Validate(new DiaryRequest(null, null, " "), oldVisit).ToErrors().Keys.Order(StringComparer.Ordinal));
        Assert.Empty(validator.Validate(new DiaryRequest(null, Today, "补记"), oldVisit).ToErrors());
        Assert.Equal(Today.AddDays(-1), new DiaryDays(Today, Today.AddDays(-1)).DayOf(null));
    }
}
