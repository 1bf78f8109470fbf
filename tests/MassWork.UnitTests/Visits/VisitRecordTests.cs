using MassWork.Visits.Demands;
using MassWork.Visits.Records;

namespace MassWork.UnitTests.Visits;

public sealed class VisitRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private static CheckedVisit Checked(DateTimeOffset visitedAt, params Guid[] households) => new(
        "c-1", visitedAt, VisitMode.Meeting, [Guid.NewGuid()], households, null, null, ["惠农补贴政策"],
        30_000, [new AidGoods("大米", 2, 12_000), new AidGoods("食用油", 1, 8_050)], ["代缴医保"], [], []);

    [Fact]
    public void A_visit_keeps_each_households_village_its_time_in_utc_and_its_aid_in_fen()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var visit = Visit.Record(Checked(Now.AddHours(-3), a, b), new Dictionary<Guid, string> { [a] = "360702001201", [b] = "360702001202" }, "town-clerk", Now, 3);

        Assert.Equal(TimeSpan.Zero, visit.VisitedAt.Offset);
        Assert.Equal(Now.AddHours(-3), visit.VisitedAt);
        Assert.Equal(Now, visit.RecordedAt);
        Assert.False(visit.LateEntry);
        Assert.Equal(["360702001201", "360702001202"], visit.Households.OrderBy(h => h.VillageCode).Select(h => h.VillageCode));
        Assert.All(visit.Households, h => Assert.Equal(visit.Id, h.VisitId));
        Assert.Equal((30_000, 20_050), (visit.AidCashFen, visit.AidGoodsValueFen));
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_as_the_database_keeps_them()
    {
        var household = Guid.NewGuid();
        var precise = Now.AddTicks(-12_345_678);

        var visit = Visit.Record(Checked(precise, household), new Dictionary<Guid, string> { [household] = "360702001201" }, "u", Now.AddTicks(5), 3);

        Assert.Equal(Now.AddTicks(-12_345_680), visit.VisitedAt);
        Assert.Equal(Now, visit.RecordedAt);
    }

    [Fact]
    public void A_visit_entered_beyond_the_allowed_days_is_kept_and_flagged_late()
    {
        var household = Guid.NewGuid();
        var villages = new Dictionary<Guid, string> { [household] = "360702001201" };

        Assert.False(Visit.Record(Checked(Now.AddDays(-3), household), villages, "u", Now, 3).LateEntry);
        Assert.True(Visit.Record(Checked(Now.AddDays(-4), household), villages, "u", Now, 3).LateEntry);
        Assert.False(Visit.Record(Checked(Now.AddDays(-4), household), villages, "u", Now, 5).LateEntry);
    }

    [Fact]
    public void Demands_belong_to_the_visit_and_the_households_village_raised_when_the_visit_took_place_and_cards_mark_their_households()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var demand = new CheckedDemand("d-1", b, "roads-irrigation", DemandMatterType.Request, "村口便桥垮塌，请求修复");

        var visit = Visit.Record(Checked(Now.AddHours(-3), a, b) with { ContactCardHouseholdIds = [a], Demands = [demand] },
            new Dictionary<Guid, string> { [a] = "360702001201", [b] = "360702001202" }, "town-clerk", Now, 3);

        var raised = Assert.Single(visit.Demands);
        Assert.Equal((visit.Id, b, "360702001202", "d-1"), (raised.VisitId, raised.HouseholdId, raised.VillageCode, raised.ClientId));
        Assert.Equal((visit.VisitedAt, Now), (raised.RaisedAt, raised.RecordedAt));
        Assert.Equal((nameof(DemandStatus.Raised), (Guid?)null), (raised.Status, raised.CaseId));
        Assert.Equal([a], visit.Households.Where(h => h.ContactCardHandedOver).Select(h => h.HouseholdId));
    }
}
