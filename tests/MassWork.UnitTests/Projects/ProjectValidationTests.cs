using MassWork.Projects.Projects;

namespace MassWork.UnitTests.Projects;

public sealed class ProjectValidationTests
{
    private static Dictionary<string, string[]> Errors(ProposeRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        ProjectValidation.Check(request, errors);
        return errors;
    }

    [Fact]
    public void A_proposal_names_every_field_at_fault()
    {
        var errors = Errors(new ProposeRequest("", "Bridge", "36073110520", "Mayor", -1, [Guid.Empty], null, null));

        Assert.Equal(["beneficiaryCount", "category", "estimatedCostFen", "linkedDemandIds", "proposer", "regionCode", "title"], errors.Keys.Order());
    }

    [Fact]
    public void Beneficiaries_are_households_or_a_count_and_the_count_of_listed_households_must_agree()
    {
        var households = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var errors = new Dictionary<string, string[]>();

        var byHousehold = ProjectValidation.Check(new ProposeRequest("危房改造", "HousingRepair", "360731105201", "WorkTeam", 2_000_000, null, [.. households, households[0]]), errors);
        Assert.Equal(2, byHousehold!.BeneficiaryCount);
        Assert.Contains("beneficiaryCount", Errors(new ProposeRequest("危房改造", "HousingRepair", "360731105201", "WorkTeam", 2_000_000, null, households, 5)).Keys);
        Assert.Equal(300, ProjectValidation.Check(new ProposeRequest("自来水管网", "DrinkingWater", "360731105000", "Town", 9_000_000, null, null, 300), errors)!.BeneficiaryCount);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_funding_plan_refuses_unknown_sources_repeated_sources_negative_amounts_and_labour_outside_the_villagers()
    {
        var errors = new Dictionary<string, string[]>();
        ProjectValidation.Check(new FundingRequest(
        [
            new FundingLineInput("CityFund", 100),
            new FundingLineInput("Lottery", 100),
            new FundingLineInput("CityFund", 100),
            new FundingLineInput("TownFund", -5),
            new FundingLineInput("Donation", 100, LabourPersonDays: 3),
            new FundingLineInput("Villagers", 0, LabourPersonDays: 10),
        ]), errors);

        Assert.Equal(["sources[1].source", "sources[2].source", "sources[3].amountFen", "sources[4].labourPersonDays", "sources[5].labourValueFen"], errors.Keys.Order());
    }

    [Fact]
    public void Amounts_are_positive_whole_fen_within_the_limit()
    {
        var errors = new Dictionary<string, string[]>();
        Assert.Equal(1, Money.Check(1, "a", errors));
        Assert.Null(Money.Check(0, "b", errors));
        Assert.Equal(0, Money.Check(0, "c", errors, zeroAllowed: true));
        Assert.Null(Money.Check(Money.MaxFen + 1, "d", errors));
        Assert.Null(Money.Check(null, "e", errors));
        Assert.Equal(["b", "d", "e"], errors.Keys.Order());
    }
}
