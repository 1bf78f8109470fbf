using MassWork.Contracts.Visits.V1;
using MassWork.Petitions.Intake;

namespace MassWork.UnitTests.Petitions;

public sealed class VisitDemandIntakeTests
{
    private static readonly DemandRaisedInVisit Demand = new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "360702003201", "roads-irrigation", "Request", "村口便桥垮塌，请求修复",
        new DateTimeOffset(2026, 6, 10, 1, 0, 0, TimeSpan.Zero), "ye.zhiming", [Guid.NewGuid()]);

    [Fact]
    public void A_demand_enters_intake_on_the_visit_channel_for_its_household_in_the_village_it_was_raised_in()
    {
        var request = VisitDemandIntake.Request(Demand, categoryKnown: true);

        Assert.Equal(new IntakeRequest("Visit", "Request", "roads-irrigation", "村口便桥垮塌，请求修复", Demand.HouseholdId, "360702003201"), request);
        Assert.Equal(MassWork.Petitions.Cases.IntakeLevel.Village, VisitDemandIntake.Level);
    }

    [Fact]
    public void An_unknown_category_is_registered_under_the_fallback_with_the_cadres_choice_kept_in_the_text()
    {
        var request = VisitDemandIntake.Request(Demand with { CategoryCode = "bridge-repair" }, categoryKnown: false);

        Assert.Equal(VisitDemandIntake.FallbackCategory, request.CategoryCode);
        Assert.StartsWith("村口便桥垮塌，请求修复", request.Content);
        Assert.Contains("bridge-repair", request.Content);
    }

    [Theory]
    [InlineData("Accusation")]
    [InlineData("Bribery")]
    public void An_accusation_or_an_unknown_matter_type_is_never_registered_from_a_visit(string type) =>
        Assert.Throws<ArgumentException>(() => VisitDemandIntake.Request(Demand with { MatterType = type }, categoryKnown: true));
}
