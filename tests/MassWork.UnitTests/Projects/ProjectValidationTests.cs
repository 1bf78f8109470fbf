using MassWork.Projects.Funding;
using MassWork.Projects.Ledger;
using MassWork.Projects.Projects;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.UnitTests.Projects;

public sealed class ProjectValidationTests
{
    private static Dictionary<string, string[]> Errors(ProposeRequest request) => new ProposalValidator().Validate(request).ToErrors();

    private static Dictionary<string, string[]> Errors(FundingRequest request) => new FundingPlanValidator().Validate(request).ToErrors();

    private static Dictionary<string, string[]> Errors(LedgerRequest request) => new LedgerEntryValidator().Validate(request).ToErrors();

    [Fact]
    public void A_proposal_names_every_field_at_fault()
    {
        var errors = Errors(new ProposeRequest("", "Bridge", "36073110520", "Mayor", -1, [Guid.Empty], null, null));

        Assert.Equal(["beneficiaryCount", "category", "estimatedCostFen", "linkedDemandIds", "proposer", "regionCode", "title"], errors.Keys.Order());
        Assert.Equal(["Unknown category 'Bridge'. " + EnumNames.OneOf<ProjectCategory>()], errors["category"]);
    }

    [Fact]
    public void Beneficiaries_are_households_or_a_count_and_the_count_of_listed_households_must_agree()
    {
        var households = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var byHousehold = new ProposeRequest("危房改造", "HousingRepair", "360731105201", "WorkTeam", 2_000_000, null, [.. households, households[0]]);
        var byCount = new ProposeRequest("自来水管网", "DrinkingWater", "360731105000", "Town", 9_000_000, null, null, 300);

        Assert.Equal(2, ProposalValidator.Checked(byHousehold).BeneficiaryCount);
        Assert.Contains("beneficiaryCount", Errors(new ProposeRequest("危房改造", "HousingRepair", "360731105201", "WorkTeam", 2_000_000, null, households, 5)).Keys);
        Assert.Equal(300, ProposalValidator.Checked(byCount).BeneficiaryCount);
        Assert.Empty(Errors(byHousehold));
        Assert.Empty(Errors(byCount));
    }

    [Fact]
    public void A_funding_plan_refuses_unknown_sources_repeated_sources_negative_amounts_and_labour_outside_the_villagers()
    {
        var errors = Errors(new FundingRequest(
        [
            new FundingLineInput("CityFund", 100),
            new FundingLineInput("Lottery", 100),
            new FundingLineInput("CityFund", 100),
            new FundingLineInput("TownFund", -5),
            new FundingLineInput("Donation", 100, LabourPersonDays: 3),
            new FundingLineInput("Villagers", 0, LabourPersonDays: 10),
        ]));

        Assert.Equal(["sources[1].source", "sources[2].source", "sources[3].amountFen", "sources[4].labourPersonDays", "sources[5].labourValueFen"], errors.Keys.Order());
        Assert.Equal(["Unknown sources[1].source 'Lottery'. " + EnumNames.OneOf<FundingSource>()], errors["sources[1].source"]);
    }

    [Fact]
    public void A_null_funding_line_or_council_member_is_refused_by_its_place()
    {
        var errors = Errors(new FundingRequest([new FundingLineInput("CityFund", 100), null!], new CouncilInput(["刘长生", null!])));

        Assert.Equal(["council.members[1]", "sources[1]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_valid_plan_is_checked_with_its_sources_parsed_and_its_names_trimmed()
    {
        var request = new FundingRequest([new FundingLineInput("cityfund", 100, Note: " 市级 "), new FundingLineInput("Villagers", 0, 10, 1_000)], new CouncilInput([" 刘长生 "]));

        Assert.Empty(Errors(request));
        var (lines, council) = FundingPlanValidator.Checked(request);
        Assert.Equal(new FundingLine(FundingSource.CityFund, 100, 0, 0, "市级"), lines[0]);
        Assert.Equal(["刘长生"], council);
    }

    [Fact]
    public void Amounts_are_positive_whole_fen_within_the_limit()
    {
        Assert.Null(Money.Problem(1));
        Assert.NotNull(Money.Problem(0));
        Assert.Null(Money.Problem(0, zeroAllowed: true));
        Assert.NotNull(Money.Problem(Money.MaxFen + 1));
        Assert.NotNull(Money.Problem(null));
    }

    [Fact]
    public void A_ledger_entry_with_an_unknown_kind_is_refused_for_its_kind_alone() =>
        Assert.Equal(["kind"], Errors(new LedgerRequest("Gift", Payee: "x", ReversesEntryId: Guid.NewGuid())).Keys);

    [Fact]
    public void A_reversal_names_the_entry_and_why_may_name_the_amount_it_takes_back_and_nothing_else_the_entry_holds()
    {
        var errors = Errors(new LedgerRequest("Reversal", "CityFund", 100, Guid.NewGuid(), "施工队"));

        Assert.Equal(["fundId", "note", "payee", "reversesEntryId", "source"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Required: why the entry is reversed (冲销原因)."], errors["note"]);
        Assert.Empty(Errors(new LedgerRequest("reversal", Note: "重复录入", ReversesEntryId: Guid.NewGuid())));
        Assert.Empty(Errors(new LedgerRequest("Reversal", AmountFen: 880_000, Note: "未支付部分退回", ReversesEntryId: Guid.NewGuid())));
        Assert.Equal(["amountFen"], Errors(new LedgerRequest("Reversal", AmountFen: 0, Note: "退回", ReversesEntryId: Guid.NewGuid())).Keys);
        Assert.Equal(880_000, LedgerEntryValidator.Checked(new LedgerRequest("Reversal", AmountFen: 880_000, Note: "退回", ReversesEntryId: Guid.NewGuid())).AmountFen);
    }

    [Fact]
    public void A_payment_names_its_payee_and_only_a_pooled_aid_allocation_names_a_fund()
    {
        Assert.Equal(["payee"], Errors(new LedgerRequest("Payment", "CityFund", 100)).Keys);
        Assert.Equal(["fundId"], Errors(new LedgerRequest("Allocation", "PooledAid", 100)).Keys);
        Assert.Equal(["fundId", "payee"], Errors(new LedgerRequest("Budget", "CityFund", 100, Guid.NewGuid(), "施工队")).Keys.Order(StringComparer.Ordinal));

        var payment = new LedgerRequest("Payment", "villagers", 100, Payee: " 施工队 ", Note: " 首期 ");
        Assert.Empty(Errors(payment));
        Assert.Equal(new CheckedEntry(EntryKind.Payment, FundingSource.Villagers, 100, null, "施工队", "首期", null), LedgerEntryValidator.Checked(payment));
    }
}
