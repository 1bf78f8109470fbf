using MassWork.Contracts.Personnel.V1;

namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class VisitTests(PlatformFixture platform)
{
    private const string Visits = "/api/visits/visits";

    private static readonly TimeSpan ReadModelWait = TimeSpan.FromSeconds(30);

    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task The_read_model_of_who_visits_whom_fills_from_personnels_events_alone()
    {
        var (village, elsewhere) = (await _api.NewVillageAsync(), await _api.NewVillageAsync());
        var group = await _api.AddGroupAsync(village, "第一村民小组");
        var household = await _api.RegisterHouseholdAsync(village, "赖福生", phone: "13807971234", groupId: group);
        var user = $"cadre-{Guid.NewGuid():N}";
        var cadre = await _api.RegisterCadreAsync("严海涛", rank: "SectionLevel", userId: user);
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });

        await WaitAsync("SELECT count(*) FROM households WHERE id = @id AND village_code = @v AND group_id = @g AND head_name = '赖福生'",
            "the household with its village and group", ("id", household), ("v", village), ("g", group));
        await WaitAsync("SELECT count(*) FROM cadres WHERE id = @id AND user_id = @u AND rank = 'SectionLevel'", "the cadre with its login", ("id", cadre), ("u", user));
        await WaitAsync("SELECT count(*) FROM pairings WHERE household_id = @h AND cadre_id = @c AND started_at IS NOT NULL AND ended_at IS NULL",
            "the pairing", ("h", household), ("c", cadre));

        // Moving the household ends its pairing in the old village (PairingEnded) and updates it (HouseholdUpdated).
        await _api.OkAsync(HttpMethod.Post, $"/api/personnel/households/{household}/move", _api.TownStaff, new { villageCode = elsewhere, reason = "户迁出" });

        await WaitAsync("SELECT count(*) FROM households WHERE id = @id AND village_code = @v AND group_id IS NULL", "the move", ("id", household), ("v", elsewhere));
        await WaitAsync("SELECT count(*) FROM pairings WHERE household_id = @h AND ended_at IS NOT NULL", "the pairing's end", ("h", household));

        var p = $"V{Guid.NewGuid():N}"[..12];
        await ImportAsync($"户号,村代码,村民小组,地址,姓名,与户主关系\n{p}-1,{village},第二村民小组,二组1号,钟立新,户主\n{p}-2,{village},第二村民小组,二组2号,曾凡英,户主\n");
        await WaitAsync("SELECT count(*) FROM households WHERE household_number LIKE @p AND group_id IS NOT NULL", "the imported households", 2, ("p", p + "%"));
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND column_name LIKE '%phone%'"));
    }

    [Fact]
    public async Task Events_apply_in_any_order_and_an_older_household_snapshot_changes_nothing()
    {
        var (pairing, household, cadre) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = platform.Clock.GetUtcNow();
        var village = await _api.NewVillageAsync();

        await platform.PublishAsync(new PairingEnded(pairing, "Resident", now, household, village, cadre, "干部调动"), Guid.NewGuid());
        await WaitAsync("SELECT count(*) FROM pairings WHERE id = @id AND ended_at IS NOT NULL AND started_at IS NULL", "the pairing known from its end", ("id", pairing));
        await platform.PublishAsync(new PairingStarted(pairing, "Resident", now.AddDays(-60), household, "ZG-9001", village, "刘桂英", [], cadre, "叶志明", null, null), Guid.NewGuid());
        await WaitAsync("SELECT count(*) FROM pairings WHERE id = @id AND ended_at IS NOT NULL AND started_at IS NOT NULL", "the pairing's start after its end", ("id", pairing));

        await platform.PublishAsync(new HouseholdUpdated(household, "ZG-9001", village, "新户主", now, "和平路1号", "Resident", [], [], "Updated"), Guid.NewGuid());
        await WaitAsync("SELECT count(*) FROM households WHERE id = @id AND head_name = '新户主'", "the update", ("id", household));
        var late = Guid.NewGuid();
        await platform.PublishAsync(new HouseholdRegistered(household, "ZG-9001", village, "旧户主", now.AddDays(-1), "和平路1号", "Resident", [], []), late);
        await WaitAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @m", "the late registration to be consumed", ("m", late));

        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM households WHERE id = @id AND head_name = '新户主'", ("id", household)));
    }

    [Fact]
    public async Task A_visit_is_recorded_read_back_listed_and_announced_without_names_or_phones()
    {
        var (village, household, cadre) = await PairedAsync();
        var town = Town(village);
        var visitedAt = platform.Clock.GetUtcNow();

        using var response = await PostAsync(town, Visit(Guid.NewGuid().ToString(), cadre, household, visitedAt));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var visit = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = visit.GetProperty("id").GetGuid();
        Assert.Equal($"{Visits}/{id}", response.Headers.Location?.OriginalString);
        Assert.EndsWith("+08:00", visit.GetProperty("visitedAt").GetString());
        Assert.Equal(visitedAt.ToUnixTimeMilliseconds(), visit.GetProperty("visitedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(("Home", false), (visit.GetProperty("mode").GetString(), visit.GetProperty("lateEntry").GetBoolean()));
        Assert.Equal("叶志明", Assert.Single(visit.GetProperty("cadres").EnumerateArray()).GetProperty("name").GetString());
        var visited = Assert.Single(visit.GetProperty("households").EnumerateArray());
        Assert.Equal(("钟秀兰", village), (visited.GetProperty("headName").GetString(), visited.GetProperty("villageCode").GetString()));
        Assert.Equal((50_000, 12_000, 62_000), (visit.GetProperty("aid").GetProperty("cashFen").GetInt64(),
            visit.GetProperty("aid").GetProperty("goods")[0].GetProperty("valueFen").GetInt64(), visit.GetProperty("aid").GetProperty("totalFen").GetInt64()));
        Assert.Equal(15, visit.GetProperty("place").GetProperty("accuracyMetres").GetDouble());

        var read = await _api.OkAsync(HttpMethod.Get, $"{Visits}/{id}", town);
        Assert.Equal(visit.ToString(), read.ToString());
        var today = ChinaTime.Today(platform.Clock);
        foreach (var query in new[] { $"household={household}", $"cadre={cadre}", $"village={village}", $"household={household}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}" })
        {
            var page = await _api.OkAsync(HttpMethod.Get, $"{Visits}?{query}", town);
            Assert.Equal(id, Assert.Single(page.GetProperty("visits").EnumerateArray()).GetProperty("id").GetGuid());
        }

        var tomorrow = await _api.OkAsync(HttpMethod.Get, $"{Visits}?household={household}&from={today.AddDays(1):yyyy-MM-dd}", town);
        Assert.Equal(0, tomorrow.GetProperty("total").GetInt64());
        using var elsewhere = await _api.SendAsync(HttpMethod.Get, $"{Visits}/{id}", platform.Token(PlatformFixture.OtherRegion));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        Assert.Equal(1, await platform.CountAsync("visitsdb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE 'MassWork.Contracts.Visits.V1.VisitRecorded,%' AND payload->'households'->0->>'villageCode' = @v",
            ("id", id.ToString()), ("v", village)));
        Assert.Equal(0, await platform.CountAsync("visitsdb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND (payload::text LIKE '%钟秀兰%' OR payload::text LIKE '%叶志明%' OR payload::text LIKE '%1380797%')",
            ("id", id.ToString())));
    }

    [Fact]
    public async Task A_visit_sent_again_with_its_client_id_is_stored_once_and_answered_with_the_first()
    {
        var (village, household, cadre) = await PairedAsync();
        var town = Town(village);
        var clientId = Guid.NewGuid().ToString();
        var body = Visit(clientId, cadre, household, platform.Clock.GetUtcNow());

        using var first = await PostAsync(town, body);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A phone whose first attempt timed out retries its queue, several times at once.
        var replays = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var replay = await PostAsync(town, body);
            return (replay.StatusCode, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.All(replays, r => Assert.Equal((HttpStatusCode.OK, id), r));
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visits WHERE client_id = @c", ("c", clientId)));
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id", ("id", id.ToString())));

        var keyed = Visit(Guid.NewGuid().ToString(), cadre, household, platform.Clock.GetUtcNow());
        var key = Guid.NewGuid().ToString();
        using var withKey = await PostAsync(town, keyed, key);
        using var withKeyAgain = await PostAsync(town, keyed, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (withKey.StatusCode, withKeyAgain.StatusCode));
        Assert.Equal("true", withKeyAgain.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_households WHERE household_id = @h", ("h", household)));
    }

    [Fact]
    public async Task A_visit_entered_days_later_is_kept_and_flagged_as_a_late_entry()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "钟秀兰");
        var cadre = await _api.RegisterCadreAsync("叶志明");
        var now = platform.Clock.GetUtcNow();
        // A pairing of two months ago, as personnel would announce it, so that visits of last week are in scope.
        await platform.PublishAsync(new PairingStarted(Guid.NewGuid(), "FullCoverage", now.AddDays(-60), household, "ZG-1", village, "钟秀兰", [], cadre, "叶志明", null, null), Guid.NewGuid());
        await WaitAsync("SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.household_id = @h",
            "the back-dated pairing, household and cadre", ("h", household));

        var late = await _api.CreatedAsync(Visits, Town(village), Visit(Guid.NewGuid().ToString(), cadre, household, now.AddDays(-5)));
        var inTime = await _api.CreatedAsync(Visits, Town(village), Visit(Guid.NewGuid().ToString(), cadre, household, now.AddDays(-2)));

        Assert.True(late.GetProperty("lateEntry").GetBoolean());
        Assert.False(inTime.GetProperty("lateEntry").GetBoolean());
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND payload->>'lateEntry' = 'true'",
            ("id", late.GetProperty("id").GetString()!)));
    }

    [Fact]
    public async Task Bad_input_gets_400_naming_the_field_and_stores_nothing()
    {
        var (village, household, cadre) = await PairedAsync();
        var now = platform.Clock.GetUtcNow();
        var cases = new (string Key, object? Value, string Field)[]
        {
            ("clientId", null, "clientId"),
            ("visitedAt", now.AddDays(1), "visitedAt"),
            ("mode", "Visit", "mode"),
            ("householdIds", new[] { Guid.NewGuid() }, "householdIds[0]"),
            ("cadreIds", new[] { Guid.NewGuid() }, "cadreIds[0]"),
            ("place", new { latitude = 95, longitude = 115.4, accuracyMetres = 10 }, "place.latitude"),
            ("aid", new { cashFen = -100 }, "aid.cashFen"),
            ("aid", new { cashFen = 12.5 }, "$.aid.cashFen"),
            ("aid", new { goods = new[] { new { name = "大米", quantity = 0, valueFen = 100 } } }, "aid.goods[0].quantity"),
            ("mode", "GroupTalk", "householdIds"),
            ("mode", "Meeting", "householdIds"),
        };

        foreach (var (key, value, field) in cases)
        {
            var body = Visit(Guid.NewGuid().ToString(), cadre, household, now);
            body[key] = value;
            using var response = await PostAsync(Town(village), body);

            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{key}: {(int)response.StatusCode} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        }

        var phone = Visit(Guid.NewGuid().ToString(), cadre, household, now);
        phone["mode"] = "Phone";
        using var phoneWithAid = await PostAsync(Town(village), phone);
        Assert.Equal(HttpStatusCode.BadRequest, phoneWithAid.StatusCode);
        var errors = (await phoneWithAid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("place", out _) || errors.TryGetProperty("aid", out _), errors.ToString());
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_households WHERE household_id = @h", ("h", household)));
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE payload->'households'->0->>'householdId' = @h", ("h", household.ToString())));
    }

    [Fact]
    public async Task A_household_outside_the_callers_region_or_the_cadres_reach_is_403_naming_it_and_stores_nothing()
    {
        var user = $"cadre-{Guid.NewGuid():N}";
        var (village, household, cadre) = await PairedAsync(user);
        var unpaired = await _api.RegisterHouseholdAsync(await _api.NewVillageAsync(), "曾凡英");
        await WaitAsync("SELECT count(*) FROM households WHERE id = @id", "the unpaired household", ("id", unpaired));
        var now = platform.Clock.GetUtcNow();

        // The test villages lie in towns 003 onwards of 章贡区; 解放街道 (001) is another town.
        using var otherTown = await PostAsync(platform.Token("360702001", Roles.TownStaff, "other-town-clerk"), Visit(Guid.NewGuid().ToString(), cadre, household, now));
        using var notTheirs = await PostAsync(platform.Token(PlatformFixture.Region, Roles.TownStaff, "county-clerk"), Visit(Guid.NewGuid().ToString(), cadre, unpaired, now));
        using var someoneElse = await PostAsync(platform.Token(village[..9], Roles.WorkTeam, "another-team-member"), Visit(Guid.NewGuid().ToString(), cadre, household, now));
        using var county = await PostAsync(platform.Token(PlatformFixture.Region, Roles.CountyDepartment, "county-department"), Visit(Guid.NewGuid().ToString(), cadre, household, now));

        await AssertForbiddenAsync(otherTown, "householdIds[0]");
        await AssertForbiddenAsync(notTheirs, "householdIds[0]");
        await AssertForbiddenAsync(someoneElse, "cadreIds");
        Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_households WHERE household_id IN (@h, @u)", ("h", household), ("u", unpaired)));

        var own = await _api.CreatedAsync(Visits, platform.Token(village[..9], Roles.WorkTeam, user), Visit(Guid.NewGuid().ToString(), cadre, household, platform.Clock.GetUtcNow()));
        Assert.Equal(user, own.GetProperty("recordedBy").GetString());
        using var listElsewhere = await _api.SendAsync(HttpMethod.Get, $"{Visits}?village={Households.OtherRegionVillage}", Town(village));
        await AssertForbiddenAsync(listElsewhere, "village");
    }

    [Fact]
    public async Task A_meeting_of_two_villages_shows_each_village_only_its_own_households_and_demands()
    {
        var (village, household, cadre) = await PairedAsync();
        var neighbour = await _api.RegisterHouseholdAsync(await _api.NewVillageAsync(), "钟建华");
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = neighbour, kind = "FullCoverage" });
        await WaitAsync("SELECT count(*) FROM pairings WHERE household_id = @h AND started_at IS NOT NULL", "the neighbour's pairing", ("h", neighbour));
        var body = Visit(Guid.NewGuid().ToString(), cadre, household, platform.Clock.GetUtcNow());
        (body["mode"], body["householdIds"]) = ("Meeting", new[] { household, neighbour });
        body["demands"] = new[] { new { clientId = "d-1", householdId = neighbour, categoryCode = "roads-irrigation", matterType = "Request", content = "邻村便桥垮塌，请求修复" } };
        var id = (await _api.CreatedAsync(Visits, Town(village), body)).GetProperty("id").GetGuid();

        var byVillage = await _api.OkAsync(HttpMethod.Get, $"{Visits}/{id}", platform.Token(village, Roles.VillageStaff, "village-clerk"));
        var byTown = await _api.OkAsync(HttpMethod.Get, $"{Visits}/{id}", Town(village));

        Assert.Equal([household], byVillage.GetProperty("households").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()));
        Assert.Empty(byVillage.GetProperty("demands").EnumerateArray());
        Assert.DoesNotContain("钟建华", byVillage.GetRawText());
        Assert.Equal((2, 1), (byTown.GetProperty("households").GetArrayLength(), byTown.GetProperty("demands").GetArrayLength()));
    }

    [Fact]
    public async Task A_group_talk_covers_thirty_households_in_two_or_three_villager_groups()
    {
        var village = await _api.NewVillageAsync();
        var p = $"G{Guid.NewGuid():N}"[..12];
        var csv = new StringBuilder("户号,村代码,村民小组,地址,姓名,与户主关系\n");
        for (var i = 0; i < 30; i++)
        {
            csv.Append($"{p}-A{i:00},{village},第一村民小组,一组{i}号,户主甲{i},户主\n");
        }

        csv.Append($"{p}-B00,{village},第二村民小组,二组1号,户主乙,户主\n");
        await ImportAsync(csv.ToString());
        await WaitAsync("SELECT count(*) FROM households WHERE village_code = @v AND group_id IS NOT NULL", "the imported village", 31, ("v", village));
        var ids = (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households?region={village}&pageSize=100", _api.TownStaff)).GetProperty("items").EnumerateArray()
            .ToDictionary(h => h.GetProperty("householdNumber").GetString()![(p.Length + 1)..], h => h.GetProperty("id").GetGuid());
        var cadre = await _api.RegisterCadreAsync("宋明辉", rank: "SectionLevel");
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = ids["A00"], kind = "FullCoverage" });
        await WaitAsync("SELECT count(*) FROM pairings p JOIN cadres c ON c.id = p.cadre_id WHERE p.household_id = @h", "the pairing", ("h", ids["A00"]));
        var groupA = ids.Where(i => i.Key.StartsWith('A')).Select(i => i.Value).ToList();

        Dictionary<string, object?> Talk(IEnumerable<Guid> households)
        {
            var body = Visit(Guid.NewGuid().ToString(), cadre, Guid.Empty, platform.Clock.GetUtcNow());
            (body["mode"], body["householdIds"], body["aid"]) = ("GroupTalk", households.ToArray(), null);
            return body;
        }

        using var oneGroup = await PostAsync(Town(village), Talk(groupA));
        using var tooFew = await PostAsync(Town(village), Talk([.. groupA.Take(28), ids["B00"]]));
        var talk = await _api.CreatedAsync(Visits, Town(village), Talk([.. groupA.Take(29), ids["B00"]]));

        foreach (var refused in new[] { oneGroup, tooFew })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("householdIds", out _));
        }

        Assert.Equal(("GroupTalk", 30), (talk.GetProperty("mode").GetString(), talk.GetProperty("households").GetArrayLength()));
        Assert.Equal(30, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_households WHERE village_code = @v", ("v", village)));
    }

    private string Town(string village) => platform.Token(village[..9], Roles.TownStaff, "visit-clerk");

    /// <summary>A household and a cadre paired through the personnel service, both known to the visits read model.</summary>
    private async Task<(string Village, Guid Household, Guid Cadre)> PairedAsync(string? cadreUser = null)
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "钟秀兰", phone: "13807970001");
        var cadre = await _api.RegisterCadreAsync("叶志明", userId: cadreUser);
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });
        await WaitAsync("SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.household_id = @h AND p.started_at IS NOT NULL",
            "the pairing, household and cadre", ("h", household));
        return (village, household, cadre);
    }

    /// <summary>A home visit with everything a cadre may deliver; tests change single fields.</summary>
    private static Dictionary<string, object?> Visit(string clientId, Guid cadre, Guid household, DateTimeOffset visitedAt) => new()
    {
        ["clientId"] = clientId,
        ["visitedAt"] = visitedAt,
        ["mode"] = "Home",
        ["cadreIds"] = new[] { cadre },
        ["householdIds"] = new[] { household },
        ["place"] = new { latitude = 25.9512, longitude = 115.4127, accuracyMetres = 15.0 },
        ["notes"] = "老人医保电子凭证未激活，已现场协助激活",
        ["policyTopics"] = new[] { "城乡居民医保缴费政策", "高龄津贴申领" },
        ["aid"] = new { cashFen = 50_000, goods = new[] { new { name = "大米", quantity = 2, valueFen = 12_000 } } },
        ["servicesDone"] = new[] { "协助激活医保电子凭证" },
    };

    private Task<HttpResponseMessage> PostAsync(string token, Dictionary<string, object?> body, string? idempotencyKey = null) =>
        _api.SendAsync(HttpMethod.Post, Visits, token, JsonContent.Create(body), r =>
        {
            if (idempotencyKey is not null)
            {
                r.Headers.Add("Idempotency-Key", idempotencyKey);
            }
        });

    private static async Task AssertForbiddenAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {(int)response.StatusCode} {problem}");
        Assert.Contains(field, problem.GetProperty("detail").GetString());
    }

    private Task WaitAsync(string sql, string what, params (string Name, object Value)[] parameters) => WaitAsync(sql, what, 1, parameters);

    private Task WaitAsync(string sql, string what, long expected, params (string Name, object Value)[] parameters) =>
        Eventually.HoldsAsync(async () => await platform.CountAsync("visitsdb", sql, parameters) == expected, ReadModelWait, $"the visits read model: {what}");

    private async Task ImportAsync(string csv)
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/personnel/imports?fileName=visits.csv", _api.TownStaff,
            new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(async () =>
            (await _api.OkAsync(HttpMethod.Get, response.Headers.Location!.ToString(), _api.TownStaff)).GetProperty("status").GetString() == "Completed",
            ReadModelWait, "the household import");
    }
}
