using MassWork.Visits.Demands;
using MassWork.Visits.Records;

namespace MassWork.UnitTests.Visits;

public sealed class DemandValidationTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private static DemandInput Road(Guid? household = null) => new("d-1", household, " roads-irrigation ", "Request", "  村口便桥垮塌，请求修复  ");

    private static (CheckedDemand? Demand, Dictionary<string, string[]> Errors) Check(DemandInput input, IReadOnlyList<Guid> households)
    {
        var result = new DemandValidator().Validate(input, new VisitHouseholds(households));
        return (result.IsValid ? DemandValidator.Checked(input, households) : null, result.ToErrors());
    }

    private static (CheckedVisit? Visit, Dictionary<string, string[]> Errors) CheckVisit(VisitRequest visit)
    {
        var result = new VisitValidator().Validate(visit, Now);
        return (result.IsValid ? VisitValidator.Checked(visit) : null, result.ToErrors());
    }

    private static VisitRequest HomeVisit(IReadOnlyList<DemandInput> demands) => new("c-1", Now.AddHours(-1), "Home", [Guid.NewGuid()], [A], Demands: demands);

    [Fact]
    public void A_demand_is_trimmed_and_concerns_the_only_household_of_the_visit_when_none_is_named()
    {
        var (demand, errors) = Check(Road(), [A]);

        Assert.Empty(errors);
        Assert.Equal(new CheckedDemand("d-1", A, "roads-irrigation", DemandMatterType.Request, "村口便桥垮塌，请求修复"), demand);
    }

    [Fact]
    public void With_several_households_the_demand_names_one_of_them()
    {
        Assert.Equal(B, Check(Road(B), [A, B]).Demand!.HouseholdId);
        Assert.Contains("householdId", Check(Road(), [A, B]).Errors.Keys);
        Assert.Contains("householdId", Check(Road(Guid.NewGuid()), [A, B]).Errors.Keys);
    }

    [Theory]
    [InlineData("Accusation")]
    [InlineData("accusation")]
    public void An_accusation_is_refused_with_the_reason_because_a_visit_names_the_household(string type)
    {
        var (demand, errors) = Check(Road() with { MatterType = type }, [A]);

        Assert.Null(demand);
        Assert.Contains("检举控告", Assert.Single(errors["matterType"]));
    }

    [Theory]
    [InlineData("Suggestion", DemandMatterType.Suggestion)]
    [InlineData("dispute", DemandMatterType.Dispute)]
    public void Suggestions_and_disputes_are_taken(string type, DemandMatterType expected) =>
        Assert.Equal(expected, Check(Road() with { MatterType = type }, [A]).Demand!.MatterType);

    public static TheoryData<DemandInput, string> BadDemands => new()
    {
        { new DemandInput(null, null, "roads-irrigation", "Request", "修桥"), "clientId" },
        { new DemandInput(new string('x', 65), null, "roads-irrigation", "Request", "修桥"), "clientId" },
        { new DemandInput("d", null, null, "Request", "修桥"), "categoryCode" },
        { new DemandInput("d", null, "道路", "Request", "修桥"), "categoryCode" },
        { new DemandInput("d", null, "Roads_Irrigation", "Request", "修桥"), "categoryCode" },
        { new DemandInput("d", null, "roads-irrigation", "2", "修桥"), "matterType" },
        { new DemandInput("d", null, "roads-irrigation", "Complaint", "修桥"), "matterType" },
        { new DemandInput("d", null, "roads-irrigation", "Request", "   "), "content" },
        { new DemandInput("d", null, "roads-irrigation", "Request", new string('路', DemandValidator.MaxContent + 1)), "content" },
    };

    [Theory]
    [MemberData(nameof(BadDemands))]
    public void Bad_fields_are_named(DemandInput input, string field)
    {
        var (demand, errors) = Check(input, [A]);

        Assert.Null(demand);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void With_a_visit_client_ids_are_optional_unique_and_fields_are_named_by_position()
    {
        var (visit, errors) = CheckVisit(HomeVisit([Road() with { ClientId = null }, Road(), Road(), Road() with { MatterType = "Accusation" }]));

        Assert.Null(visit);
        // A client id given twice is refused at each later listing, whatever else is wrong with that demand.
        Assert.Equal(["demands[2].clientId", "demands[3].clientId", "demands[3].matterType"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, VisitValidator.Checked(HomeVisit([Road() with { ClientId = null }, Road()])).Demands.Count);
    }

    [Fact]
    public void A_visit_carries_at_most_twenty_demands()
    {
        var (visit, errors) = CheckVisit(HomeVisit([.. Enumerable.Range(0, DemandValidator.MaxDemands + 1).Select(i => Road() with { ClientId = $"d-{i}" })]));

        Assert.Null(visit);
        Assert.Equal(["demands"], errors.Keys);
    }

    [Fact]
    public void A_null_demand_in_a_visit_is_refused_by_its_place()
    {
        var (_, errors) = CheckVisit(HomeVisit([Road(), null!, null!]));

        Assert.Equal(["demands[1]", "demands[2]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([DemandValidator.Missing], errors["demands[1]"]);
    }

    [Fact]
    public void A_visit_with_demands_and_contact_cards_is_checked_against_its_households()
    {
        var visit = new VisitRequest("c-1", Now.AddHours(-1), "Meeting", [Guid.NewGuid()], [A, B],
            ContactCardHouseholdIds: [A, B], Demands: [Road(B) with { ClientId = null }]);

        var (checkedVisit, errors) = CheckVisit(visit);

        Assert.Empty(errors);
        Assert.Equal([A, B], checkedVisit!.ContactCardHouseholdIds);
        Assert.Equal(B, Assert.Single(checkedVisit.Demands).HouseholdId);

        var (strange, strangeErrors) = CheckVisit(visit with { ContactCardHouseholdIds = [A, Guid.NewGuid(), A] });
        Assert.Null(strange);
        Assert.Equal(["contactCardHouseholdIds[1]", "contactCardHouseholdIds[2]"], strangeErrors.Keys.Order(StringComparer.Ordinal));

        var (_, unnamed) = CheckVisit(visit with { Demands = [Road(), Road(Guid.NewGuid()) with { ClientId = "d-2" }] });
        Assert.Equal(["demands[0].householdId", "demands[1].householdId"], unnamed.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_contact_card_is_not_handed_over_by_phone()
    {
        var (_, errors) = CheckVisit(new VisitRequest("c-1", Now.AddHours(-1), "Phone", [Guid.NewGuid()], [A], ContactCardHouseholdIds: [A]));

        Assert.Contains("contactCardHouseholdIds", errors.Keys);
        Assert.Null(VisitRules.ContactCardProblem(VisitMode.Home));
    }
}
