using MassWork.Contracts.Visits.V1;

namespace MassWork.IntegrationTests;

/// <summary>Demands raised on visits become cases in petitions and come back as the village ledger; diaries and contact cards.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VisitDemandTests(PlatformFixture platform)
{
    private const string Visits = "/api/visits/visits";
    private const string Ledger = "/api/visits/ledger";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    private readonly PetitionsApi _petitions = new(platform);

    private PersonnelApi Api => _petitions.Personnel;

    [Fact]
    public async Task A_demand_raised_on_a_visit_becomes_a_visit_case_and_the_ledger_follows_it_as_the_case_is_accepted_and_answered()
    {
        var (village, household, cadre) = await PairedAsync();
        var town = Town(village);
        var body = Visit(cadre, household);
        body["contactCardHouseholdIds"] = new[] { household };
        body["demands"] = new[] { new { clientId = "d-1", categoryCode = "roads-irrigation", matterType = "Request", content = "村口便桥垮塌，请求修复" } };

        var visit = await Api.CreatedAsync(Visits, town, body);

        var raised = Assert.Single(visit.GetProperty("demands").EnumerateArray());
        var demandId = raised.GetProperty("id").GetGuid();
        Assert.Equal(("Raised", household, "钟秀兰"), (raised.GetProperty("status").GetString(), raised.GetProperty("householdId").GetGuid(), raised.GetProperty("headName").GetString()));
        Assert.True(Assert.Single(visit.GetProperty("households").EnumerateArray()).GetProperty("contactCardHandedOver").GetBoolean());
        Assert.Equal(1, await platform.CountAsync("visitsdb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE 'MassWork.Contracts.Visits.V1.DemandRaisedInVisit,%' AND payload->>'villageCode' = @v",
            ("id", demandId.ToString()), ("v", village)));
        Assert.Equal(0, await platform.CountAsync("visitsdb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND (payload::text LIKE '%钟秀兰%' OR payload::text LIKE '%1380797%')", ("id", demandId.ToString())));

        var registered = await LedgerLineAsync(town, village, demandId, "Registered");
        var caseId = registered.GetProperty("caseId").GetGuid();
        var c = await _petitions.GetAsync(caseId, town);
        Assert.Equal(("Visit", "Request", "roads-irrigation", "Village"), (c.GetProperty("channel").GetString(), c.GetProperty("matterType").GetString(),
            c.GetProperty("categoryCode").GetString(), c.GetProperty("level").GetString()));
        Assert.Equal((household, "钟秀兰"), (c.GetProperty("petitioner").GetProperty("householdId").GetGuid(), c.GetProperty("petitioner").GetProperty("name").GetString()));
        Assert.Equal((village, registered.GetProperty("caseNumber").GetString()), (c.GetProperty("regionCode").GetString(), c.GetProperty("number").GetString()));

        await _petitions.StepAsync(caseId, "assign", town, new { kind = "Region", code = village[..9] + "000", name = "测试镇人民政府" });
        await _petitions.StepAsync(caseId, "accept", town);
        await LedgerLineAsync(town, village, demandId, "Accepted");
        await _petitions.StepAsync(caseId, "answer", town, new { outcome = "Supported", opinion = "便桥已列入本月村组道路修复计划。" });

        var answered = await LedgerLineAsync(town, village, demandId, "Answered");
        Assert.Equal(("Supported", "便桥已列入本月村组道路修复计划。"), (answered.GetProperty("outcome").GetString(), answered.GetProperty("statusNote").GetString()));
        var filtered = await Api.OkAsync(HttpMethod.Get, $"{Ledger}?village={village}&status=answered&from={ChinaTime.Today(platform.Clock):yyyy-MM-dd}", town);
        Assert.Equal(demandId, Assert.Single(filtered.GetProperty("demands").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, (await Api.OkAsync(HttpMethod.Get, $"{Ledger}?village={village}&status=Closed", town)).GetProperty("total").GetInt64());
        var onTheVisit = await Api.OkAsync(HttpMethod.Get, $"{Visits}/{visit.GetProperty("id").GetGuid()}", town);
        Assert.Equal("Answered", Assert.Single(onTheVisit.GetProperty("demands").EnumerateArray()).GetProperty("status").GetString());

        var cards = await Api.OkAsync(HttpMethod.Get, $"/api/visits/contact-cards?village={village}", town);
        Assert.Equal((1, 1, 0), (cards.GetProperty("households").GetInt64(), cards.GetProperty("withCard").GetInt64(), cards.GetProperty("withoutCard").GetInt64()));
        var card = Assert.Single(cards.GetProperty("lines").EnumerateArray());
        Assert.Equal((household, true, visit.GetProperty("id").GetGuid()), (card.GetProperty("householdId").GetGuid(), card.GetProperty("handedOver").GetBoolean(), card.GetProperty("visitId").GetGuid()));
    }

    [Fact]
    public async Task A_demand_added_later_is_stored_once_and_a_redelivered_or_replayed_demand_creates_one_case()
    {
        var (village, household, cadre) = await PairedAsync();
        var town = Town(village);
        var visitId = (await Api.CreatedAsync(Visits, town, Visit(cadre, household))).GetProperty("id").GetGuid();
        var demand = new { clientId = Guid.NewGuid().ToString(), categoryCode = "drinking-water", matterType = "Suggestion", content = "建议在三组增设一处集中供水点" };

        var added = await Api.CreatedAsync($"{Visits}/{visitId}/demands", town, demand);
        var again = await Api.OkAsync(HttpMethod.Post, $"{Visits}/{visitId}/demands", town, demand);

        var demandId = added.GetProperty("id").GetGuid();
        Assert.Equal(demandId, again.GetProperty("id").GetGuid());
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM demands WHERE visit_id = @v", ("v", visitId)));
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id", ("id", demandId.ToString())));
        var registered = await LedgerLineAsync(town, village, demandId, "Registered");

        // The broker redelivers the same message, and a replay of the outbox sends it under a new message id.
        var message = new DemandRaisedInVisit(demandId, visitId, household, village, "drinking-water", "Suggestion", "建议在三组增设一处集中供水点",
            added.GetProperty("raisedAt").GetDateTimeOffset(), "visit-clerk", [cadre]);
        var (redelivered, replayed) = (Guid.NewGuid(), Guid.NewGuid());
        await platform.PublishAsync(message, redelivered, times: 2);
        await platform.PublishAsync(message, replayed);
        await Eventually.HoldsAsync(async () => await platform.CountAsync("petitionsdb",
                "SELECT count(*) FROM inbox_messages WHERE consumer = 'DemandRaisedInVisitConsumer' AND message_id IN (@a, @b)", ("a", redelivered), ("b", replayed)) == 2,
            Wait, "petitions takes the redelivered and the replayed demand");

        Assert.Equal(1, await platform.CountAsync("petitionsdb", "SELECT count(*) FROM cases WHERE source_demand_id = @d", ("d", demandId)));
        Assert.Equal(1, await platform.CountAsync("petitionsdb", "SELECT count(*) FROM cases WHERE household_id = @h", ("h", household)));
        Assert.Equal(registered.GetProperty("caseId").GetGuid(),
            (await Api.OkAsync(HttpMethod.Get, $"{Ledger}?village={village}", town)).GetProperty("demands")[0].GetProperty("caseId").GetGuid());
    }

    [Fact]
    public async Task A_category_petitions_does_not_know_is_registered_under_other_and_a_repeat_shows_as_not_accepted()
    {
        var (village, household, cadre) = await PairedAsync();
        var town = Town(village);
        var body = Visit(cadre, household);
        body["demands"] = new[]
        {
            new { clientId = "a", categoryCode = "bridge-repair", matterType = "Request", content = "便桥垮塌" },
            new { clientId = "b", categoryCode = "social-security", matterType = "Request", content = "养老金三个月未到账" },
        };
        var demands = (await Api.CreatedAsync(Visits, town, body)).GetProperty("demands").EnumerateArray().ToDictionary(d => d.GetProperty("clientId").GetString()!, d => d.GetProperty("id").GetGuid());

        var other = await LedgerLineAsync(town, village, demands["a"], "Registered");
        var c = await _petitions.GetAsync(other.GetProperty("caseId").GetGuid(), town);
        Assert.Equal("other", c.GetProperty("categoryCode").GetString());
        Assert.Contains("bridge-repair", c.GetProperty("content").GetString());
        Assert.Equal("bridge-repair", other.GetProperty("categoryCode").GetString());
        await LedgerLineAsync(town, village, demands["b"], "Registered");

        // The same household raises the same matter again on the next visit, while its case is open: the staff intake's repeat rule applies.
        var next = Visit(cadre, household);
        next["demands"] = new[] { new { clientId = "c", categoryCode = "social-security", matterType = "Request", content = "养老金仍未到账" } };
        var repeatId = (await Api.CreatedAsync(Visits, town, next)).GetProperty("demands")[0].GetProperty("id").GetGuid();

        var repeat = await LedgerLineAsync(town, village, repeatId, "NotAccepted");
        Assert.Contains("重复反映", repeat.GetProperty("statusNote").GetString());
    }

    [Fact]
    public async Task An_accusation_and_bad_demands_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var (village, household, cadre) = await PairedAsync();
        var town = Town(village);
        var cases = new (object Demand, string Field)[]
        {
            (new { categoryCode = "public-order", matterType = "Accusation", content = "村干部侵占集体资金" }, "demands[0].matterType"),
            (new { categoryCode = "roads-irrigation", matterType = "Request", content = "修桥", householdId = Guid.NewGuid() }, "demands[0].householdId"),
            (new { categoryCode = "道路", matterType = "Request", content = "修桥" }, "demands[0].categoryCode"),
            (new { categoryCode = "roads-irrigation", matterType = "Request", content = "" }, "demands[0].content"),
        };

        foreach (var (demand, field) in cases)
        {
            var body = Visit(cadre, household);
            body["demands"] = new[] { demand };
            using var response = await Api.SendAsync(HttpMethod.Post, Visits, town, JsonContent.Create(body));
            await AssertBadRequestAsync(response, field);
        }

        using (var phoneCard = await Api.SendAsync(HttpMethod.Post, Visits, town, JsonContent.Create(PhoneWithCard(cadre, household))))
        {
            await AssertBadRequestAsync(phoneCard, "contactCardHouseholdIds");
        }

        var visitId = (await Api.CreatedAsync(Visits, town, Visit(cadre, household))).GetProperty("id").GetGuid();
        var later = new (object Demand, string Field)[]
        {
            (new { clientId = "x", categoryCode = "public-order", matterType = "accusation", content = "村干部侵占集体资金" }, "matterType"),
            (new { categoryCode = "roads-irrigation", matterType = "Request", content = "修桥" }, "clientId"),
        };
        foreach (var (demand, field) in later)
        {
            using var response = await Api.SendAsync(HttpMethod.Post, $"{Visits}/{visitId}/demands", town, JsonContent.Create(demand));
            await AssertBadRequestAsync(response, field);
        }

        using (var unknownVisit = await Api.SendAsync(HttpMethod.Post, $"{Visits}/{Guid.NewGuid()}/demands", town,
            JsonContent.Create(new { clientId = "x", categoryCode = "roads-irrigation", matterType = "Request", content = "修桥" })))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownVisit.StatusCode);
        }

        using (var elsewhere = await Api.SendAsync(HttpMethod.Post, $"{Visits}/{visitId}/demands", platform.Token(PlatformFixture.OtherRegion),
            JsonContent.Create(new { clientId = "x", categoryCode = "roads-irrigation", matterType = "Request", content = "修桥" })))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        using (var badStatus = await Api.SendAsync(HttpMethod.Get, $"{Ledger}?village={village}&status=Done", town))
        {
            await AssertBadRequestAsync(badStatus, "status");
        }

        using (var noVillage = await Api.SendAsync(HttpMethod.Get, "/api/visits/contact-cards", town))
        {
            await AssertBadRequestAsync(noVillage, "village");
        }

        using (var ledgerElsewhere = await Api.SendAsync(HttpMethod.Get, $"{Ledger}?village={Households.OtherRegionVillage}", town))
        {
            Assert.Equal(HttpStatusCode.Forbidden, ledgerElsewhere.StatusCode);
        }

        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM demands WHERE household_id = @h", ("h", household)));
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%DemandRaisedInVisit%' AND payload->>'householdId' = @h",
            ("h", household.ToString())));
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_households WHERE household_id = @h AND contact_card_handed_over", ("h", household)));
    }

    [Fact]
    public async Task A_cadre_keeps_their_own_diary_linked_to_a_visit_staff_write_for_a_cadre_and_nobody_writes_anothers()
    {
        var user = $"cadre-{Guid.NewGuid():N}";
        var (village, household, cadre) = await PairedAsync(user);
        var own = platform.Token(village[..9], Roles.WorkTeam, user);
        var visitId = (await Api.CreatedAsync(Visits, own, Visit(cadre, household))).GetProperty("id").GetGuid();
        var today = ChinaTime.Today(platform.Clock);

        var linked = await Api.CreatedAsync("/api/visits/diary", own, new { text = "走访钟秀兰家，反映便桥垮塌，已登记。", visitId });
        // 解放街道 (001) is the cadres' town in the test register.
        var clerk = platform.Token("360702001", Roles.TownStaff, "diary-clerk");
        var fromPaper = await Api.CreatedAsync("/api/visits/diary", clerk, new { cadreId = cadre, date = today.AddDays(-1), text = "参加村民小组会议，宣讲医保政策。" });

        Assert.Equal((cadre, visitId, today.ToString("yyyy-MM-dd"), user),
            (linked.GetProperty("cadreId").GetGuid(), linked.GetProperty("visitId").GetGuid(), linked.GetProperty("date").GetString(), linked.GetProperty("writtenBy").GetString()));
        Assert.Equal(("叶志明", "diary-clerk"), (fromPaper.GetProperty("cadreName").GetString(), fromPaper.GetProperty("writtenBy").GetString()));

        var mine = await Api.OkAsync(HttpMethod.Get, "/api/visits/diary", own);
        Assert.Equal(2, mine.GetProperty("total").GetInt64());
        var range = await Api.OkAsync(HttpMethod.Get, $"/api/visits/diary?cadre={cadre}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", clerk);
        Assert.Equal(linked.GetProperty("id").GetGuid(), Assert.Single(range.GetProperty("entries").EnumerateArray()).GetProperty("id").GetGuid());

        var teammate = platform.Token(village[..9], Roles.WorkTeam, "another-team-member");
        using (var forAnother = await Api.SendAsync(HttpMethod.Post, "/api/visits/diary", teammate, JsonContent.Create(new { cadreId = cadre, text = "代写" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forAnother.StatusCode);
        }

        using (var readAnother = await Api.SendAsync(HttpMethod.Get, $"/api/visits/diary?cadre={cadre}", teammate))
        {
            Assert.Equal(HttpStatusCode.Forbidden, readAnother.StatusCode);
        }

        var bad = new (object Body, string Field)[]
        {
            (new { text = "明天的日记", date = today.AddDays(1) }, "date"),
            (new { text = "" }, "text"),
            (new { text = "走访前一天", visitId, date = today.AddDays(-1) }, "date"),
            (new { text = "别人的走访", visitId = Guid.NewGuid() }, "visitId"),
        };
        foreach (var (body, field) in bad)
        {
            using var response = await Api.SendAsync(HttpMethod.Post, "/api/visits/diary", own, JsonContent.Create(body));
            await AssertBadRequestAsync(response, field);
        }

        using (var noCadre = await Api.SendAsync(HttpMethod.Post, "/api/visits/diary", teammate, JsonContent.Create(new { text = "无干部档案" })))
        {
            await AssertBadRequestAsync(noCadre, "cadreId");
        }

        Assert.Equal(2, await platform.CountAsync("visitsdb", "SELECT count(*) FROM diary_entries WHERE cadre_id = @c", ("c", cadre)));
    }

    private string Town(string village) => platform.Token(village[..9], Roles.TownStaff, "visit-clerk");

    /// <summary>A household and a cadre paired through the personnel service, known to the visits read model and the household to petitions'.</summary>
    private async Task<(string Village, Guid Household, Guid Cadre)> PairedAsync(string? cadreUser = null)
    {
        var village = await Api.NewVillageAsync();
        var household = await Api.RegisterHouseholdAsync(village, "钟秀兰", phone: "13807970001");
        var cadre = await Api.RegisterCadreAsync("叶志明", userId: cadreUser);
        await Api.CreatedAsync("/api/personnel/pairings", Api.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });
        await Eventually.HoldsAsync(async () => await platform.CountAsync("visitsdb",
                "SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.household_id = @h AND p.started_at IS NOT NULL",
                ("h", household)) == 1,
            Wait, "the visits read model: the pairing, household and cadre");
        await Eventually.HoldsAsync(async () => await platform.CountAsync("petitionsdb", "SELECT count(*) FROM households WHERE id = @id", ("id", household)) == 1,
            Wait, "the petitions read model: the household");
        return (village, household, cadre);
    }

    private Dictionary<string, object?> Visit(Guid cadre, Guid household) => new()
    {
        ["clientId"] = Guid.NewGuid().ToString(),
        ["visitedAt"] = platform.Clock.GetUtcNow(),
        ["mode"] = "Home",
        ["cadreIds"] = new[] { cadre },
        ["householdIds"] = new[] { household },
        ["notes"] = "了解生产生活情况",
    };

    private Dictionary<string, object?> PhoneWithCard(Guid cadre, Guid household)
    {
        var body = Visit(cadre, household);
        (body["mode"], body["contactCardHouseholdIds"]) = ("Phone", new[] { household });
        return body;
    }

    /// <summary>The demand's ledger line once it shows the status (petitions' events arrive in their own time).</summary>
    private async Task<JsonElement> LedgerLineAsync(string token, string village, Guid demandId, string status)
    {
        JsonElement line = default;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await Api.OkAsync(HttpMethod.Get, $"{Ledger}?village={village}&pageSize=100", token);
            line = page.GetProperty("demands").EnumerateArray().SingleOrDefault(d => d.GetProperty("id").GetGuid() == demandId);
            return line.ValueKind == JsonValueKind.Object && line.GetProperty("status").GetString() == status;
        }, Wait, $"the ledger shows demand {demandId} as {status}");
        return line;
    }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: expected 400, got {(int)response.StatusCode} {problem}");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
    }
}
