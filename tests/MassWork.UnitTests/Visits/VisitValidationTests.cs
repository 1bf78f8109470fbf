using MassWork.Visits.Records;

namespace MassWork.UnitTests.Visits;

public sealed class VisitValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private static VisitRequest Home(PlaceInput? place = null, AidInput? aid = null) => new(
        "c-1", Now.AddHours(-2), "Home", [Guid.NewGuid()], [Guid.NewGuid()], place, "  询问了医保缴费情况  ", ["医保缴费政策"], aid, ["代办医保报销"]);

    private static (CheckedVisit? Visit, Dictionary<string, string[]> Errors) Check(VisitRequest request)
    {
        var result = new VisitValidator().Validate(request, Now);
        return (result.IsValid ? VisitValidator.Checked(request) : null, result.ToErrors());
    }

    [Fact]
    public void A_complete_home_visit_is_checked_with_its_aid_in_fen()
    {
        var (visit, errors) = Check(Home(new PlaceInput(25.96, 115.42, 12), new AidInput(50_000, [new GoodsInput(" 大米 ", 2, 12_000)])));

        Assert.Empty(errors);
        Assert.Equal(VisitMode.Home, visit!.Mode);
        Assert.Equal("询问了医保缴费情况", visit.Notes);
        Assert.Equal(50_000, visit.AidCashFen);
        Assert.Equal(new AidGoods("大米", 2, 12_000), Assert.Single(visit.AidGoods));
        Assert.Equal(new VisitPlace(25.96, 115.42, 12), visit.Place);
    }

    [Fact]
    public void Mode_names_are_accepted_in_any_case_and_numbers_are_not()
    {
        Assert.Empty(Check(Home() with { Mode = "phone" }).Errors);
        Assert.Contains("mode", Check(Home() with { Mode = "1" }).Errors.Keys);
        Assert.Contains("mode", Check(Home() with { Mode = "Visit" }).Errors.Keys);
    }

    public static TheoryData<VisitRequest, string> BadRequests => new()
    {
        { Home() with { ClientId = " " }, "clientId" },
        { Home() with { ClientId = new string('x', 65) }, "clientId" },
        { Home() with { VisitedAt = null }, "visitedAt" },
        { Home() with { VisitedAt = Now.AddHours(1) }, "visitedAt" },
        { Home() with { CadreIds = [] }, "cadreIds" },
        { Home() with { HouseholdIds = null }, "householdIds" },
        { Home() with { HouseholdIds = [Guid.Empty] }, "householdIds[0]" },
        { Home() with { CadreIds = [Guid.Parse("0198f3a0-0000-7000-8000-000000000001"), Guid.Parse("0198f3a0-0000-7000-8000-000000000001")] }, "cadreIds[1]" },
        { Home(new PlaceInput(91, 115, 10)), "place.latitude" },
        { Home(new PlaceInput(25, -181, 10)), "place.longitude" },
        { Home(new PlaceInput(25, 115, 0)), "place.accuracyMetres" },
        { Home(new PlaceInput(25, 115, null)), "place.accuracyMetres" },
        { Home() with { Notes = new string('记', 2001) }, "notes" },
        { Home() with { PolicyTopics = ["医保", " "] }, "policyTopics[1]" },
        { Home() with { ServicesDone = [.. Enumerable.Repeat("代办", 21)] }, "servicesDone" },
        { Home(aid: new AidInput(-1, null)), "aid.cashFen" },
        { Home(aid: new AidInput(null, [new GoodsInput("", 1, 100)])), "aid.goods[0].name" },
        { Home(aid: new AidInput(null, [new GoodsInput("棉被", 0, 100)])), "aid.goods[0].quantity" },
        { Home(aid: new AidInput(null, [new GoodsInput("棉被", 1, -5)])), "aid.goods[0].valueFen" },
        { Home(aid: new AidInput(VisitRules.MaxAidFen, [new GoodsInput("棉被", 1, 100)])), "aid" },
        { Home() with { HouseholdIds = [Guid.NewGuid(), Guid.NewGuid()] }, "householdIds" },
        { Home(new PlaceInput(25, 115, 10)) with { Mode = "Phone" }, "place" },
        { Home(aid: new AidInput(20_000, null)) with { Mode = "Phone" }, "aid" },
        { Home() with { Mode = "GroupTalk", HouseholdIds = [.. Enumerable.Range(0, 29).Select(_ => Guid.NewGuid())] }, "householdIds" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Bad_input_names_its_field(VisitRequest request, string field)
    {
        var (visit, errors) = Check(request);

        Assert.Null(visit);
        Assert.True(errors.ContainsKey(field), $"expected {field}, got {string.Join(", ", errors.Keys)}");
    }

    [Fact]
    public void Every_bad_element_of_a_list_is_named_and_a_null_one_by_its_place()
    {
        var (_, errors) = Check(Home(aid: new AidInput(null, [null!, new GoodsInput("大米", 0, 100), new GoodsInput(" ", 1, 100)])) with
        {
            PolicyTopics = [" ", "医保", null!],
            CadreIds = [Guid.Empty, Guid.Empty],
        });

        Assert.Equal(["aid.goods[0]", "aid.goods[1].quantity", "aid.goods[2].name", "cadreIds[0]", "cadreIds[1]", "policyTopics[0]", "policyTopics[2]"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Not a cadre id."], errors["cadreIds[1]"]);
    }

    [Fact]
    public void A_field_keeps_its_own_problem_before_the_modes()
    {
        var phone = Home() with { Mode = "Phone" };

        // Aid beyond the limit is told the limit, not that a phone visit hands nothing over.
        Assert.Equal([$"Cash and goods together at most {VisitRules.MaxAidFen} fen (¥100,000) a visit: amounts are in fen (分), not yuan."],
            Check(phone with { Aid = new AidInput(VisitRules.MaxAidFen, [new GoodsInput("棉被", 1, 100)]) }).Errors["aid"]);
        // A place that is itself wrong is told so; the mode judges only a place that could be kept.
        Assert.Equal(["place.latitude"], Check(phone with { Place = new PlaceInput(91, 115, 10) }).Errors.Keys);
    }

    [Fact]
    public void Validating_needs_the_moment_the_visit_is_recorded() =>
        Assert.Throws<InvalidOperationException>(() => new VisitValidator().Validate(Home()));
}
