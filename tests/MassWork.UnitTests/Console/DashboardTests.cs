using System.Net;
using MassWork.Console.Dashboard;
using MassWork.Console.Gateway;

namespace MassWork.UnitTests.Console;

public sealed class DashboardTests
{
    private static readonly ApiResult<CoverageReport> NoCoverage = ApiResult<CoverageReport>.Failed(ApiProblem.Unavailable);
    private static readonly ApiResult<ProjectReport> NoProjects = ApiResult<ProjectReport>.Failed(ApiProblem.Unavailable);

    [Fact]
    public void Every_area_is_ranked_by_visits_done_against_required_with_its_name_and_case_rates_beside()
    {
        var region = new RegionNode("360702000000", "章贡区", "County", "360700000000",
            [new("360702001000", "解放街道", "Town", "360702000000", []), new("360702002000", "南外街道", "Town", "360702000000", []),
             new("360702004000", "水南镇", "Town", "360702000000", [])]);
        var visits = new VisitReport("360702", "2026", Area("360702", 10, 20), [Area("360702001", 3, 10), Area("360702002", 9, 10), Area("360702003", 0, 0)], 0);
        var cases = new PetitionReport("360702", Cases(null, 0.5), [Cases("360702002", 0.75)]);
        var figures = new DashboardData.Figures("360702", ApiResult<RegionNode>.Ok(region), NoCoverage,
            ApiResult<VisitReport>.Ok(visits), ApiResult<PetitionReport>.Ok(cases), NoProjects);

        var ranking = figures.Ranking();

        // 水南镇 has no visits at all: listed last, not missing. The figures' 360702003 is not an area of the region.
        Assert.Equal(["360702002", "360702001", "360702004"], ranking.Select(r => r.Prefix));
        Assert.Equal(["南外街道", "解放街道", "水南镇"], ranking.Select(r => r.Name));
        Assert.Equal(0.75, ranking[0].ResolutionRate);
        Assert.Null(ranking[1].ResolutionRate);
        Assert.Null(ranking[2].ContactRate);
        Assert.Equal(0, ranking[2].ContactsRequired);
    }

    [Fact]
    public void A_service_that_refused_or_failed_leaves_no_ranking()
    {
        var figures = new DashboardData.Figures("360702", ApiResult<RegionNode>.Failed(new ApiProblem(HttpStatusCode.Forbidden, null, null, new Dictionary<string, string[]>())),
            NoCoverage, ApiResult<VisitReport>.Failed(ApiProblem.Unavailable), ApiResult<PetitionReport>.Failed(ApiProblem.Unavailable), NoProjects);

        Assert.Empty(figures.Ranking());
    }

    [Theory]
    [InlineData("3607", "36")]
    [InlineData("360702", "3607")]
    [InlineData("360702001", "360702")]
    [InlineData("360702001201", "360702001")]
    [InlineData("36", null)]
    public void Drill_down_goes_up_one_level_of_the_division_code(string prefix, string? parent) =>
        Assert.Equal(parent, RegionLevels.Parent(prefix));

    [Theory]
    [InlineData(0.98765, "98.8%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(null, "—")]
    public void Rates_show_as_percentages_and_a_rate_without_a_base_as_a_dash(double? rate, string shown) =>
        Assert.Equal(shown, Labels.Percent(rate));

    [Theory]
    [InlineData(12_345, "123.45 元")]
    [InlineData(10_000_000, "10 万元")]
    [InlineData(123_456_789, "123.46 万元")]
    public void Money_in_fen_shows_in_yuan_and_large_sums_in_wan_yuan(long fen, string shown) =>
        Assert.Equal(shown, Labels.Yuan(fen));

    [Fact]
    public void Stages_and_sources_read_in_Chinese_and_an_unknown_one_as_the_service_named_it()
    {
        Assert.Equal("实施中", Labels.Stage("UnderWay"));
        Assert.Equal("群众筹资筹劳", Labels.Source("Villagers"));
        Assert.Equal("Paused", Labels.Stage("Paused"));
    }

    private static VisitArea Area(string code, long done, long required) =>
        new(code, new VisitHouseholds(required, done, 0), new VisitContacts(required, done, required == 0 ? null : (double)done / required));

    private static PetitionFigures Cases(string? key, double? resolution) => new(key, null, new PetitionCounts(10, 8, 6, 5, 4, 3, 1), resolution, 0.9, 0.8);
}
