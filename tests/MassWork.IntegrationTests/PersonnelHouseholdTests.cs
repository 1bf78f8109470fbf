namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PersonnelHouseholdTests(PlatformFixture platform)
{
    private const string IdNumber = "360702198003151234";
    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task Members_ID_numbers_and_phones_are_masked_in_responses_and_encrypted_in_the_database()
    {
        var village = await _api.NewVillageAsync();
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var id = await _api.RegisterHouseholdAsync(village, "曾凡荣", IdNumber, phone, ["困难户"]);

        var household = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households/{id}", _api.TownStaff);

        var head = household.GetProperty("members")[0];
        Assert.Equal(("曾凡荣", "3607**********1234", $"{phone[..3]}****{phone[^4..]}"),
            (head.GetProperty("name").GetString(), head.GetProperty("idNumber").GetString(), head.GetProperty("phone").GetString()));
        Assert.DoesNotContain(IdNumber, household.GetRawText());
        Assert.Equal(0, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM household_members WHERE position(convert_to(@id, 'UTF8') in id_number_cipher) > 0 OR position(convert_to(@phone, 'UTF8') in phone_cipher) > 0",
            ("id", IdNumber), ("phone", phone)));
        Assert.Equal(1, await platform.CountAsync("personneldb", "SELECT count(*) FROM household_members WHERE household_id = @h AND id_number_cipher IS NOT NULL", ("h", id)));
    }

    [Fact]
    public async Task Households_are_found_by_exact_ID_number_or_phone_and_by_name_tag_and_region()
    {
        var village = await _api.NewVillageAsync();
        var phone = $"137{Random.Shared.Next(10_000_000, 99_999_999)}";
        var id = await _api.RegisterHouseholdAsync(village, "钟秀兰", "11010519491231002X", phone, ["低保户"]);
        var other = await _api.RegisterHouseholdAsync(village, "廖建华");

        async Task<List<Guid>> Search(string query) =>
            (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households?region={village}&{query}", _api.TownStaff))
                .GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([id], await Search("idNumber=11010519491231002x"));
        Assert.Equal([id], await Search($"phone={Uri.EscapeDataString($"+86 {phone}")}"));
        Assert.Equal([id], await Search("name=秀兰"));
        Assert.Equal([other], await Search("name=华之"));   // inside a member's name (廖建华之妻), not the head's
        Assert.Equal([id], await Search("tag=低保户"));
        Assert.Equal(2, (await Search("status=常住")).Count);
        Assert.Empty(await Search("idNumber=440524198001010013"));
    }

    [Fact]
    public async Task A_bad_ID_number_an_unknown_village_and_a_duplicate_number_are_refused_and_change_nothing()
    {
        var village = await _api.NewVillageAsync();
        var number = Households.NewNumber();
        object Body(string code, string idNumber) => new
        {
            householdNumber = number, villageCode = code, address = "和平路1号",
            members = new[] { new { name = "谢春生", relation = "户主", idNumber } },
        };

        using var badId = await _api.SendAsync(HttpMethod.Post, "/api/personnel/households", _api.TownStaff, JsonContent.Create(Body(village, "360702198003151238")));
        using var unknown = await _api.SendAsync(HttpMethod.Post, "/api/personnel/households", _api.TownStaff, JsonContent.Create(Body(Households.UnknownVillage, IdNumber)));
        await _api.CreatedAsync("/api/personnel/households", _api.TownStaff, Body(village, IdNumber));
        using var duplicate = await _api.SendAsync(HttpMethod.Post, "/api/personnel/households", _api.TownStaff, JsonContent.Create(Body(village, IdNumber)));

        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains("members[0].idNumber", await badId.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("not in the region register", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await platform.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", number)));
        Assert.Equal(1, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE payload->>'householdNumber' = @n", ("n", number)));
    }

    [Fact]
    public async Task Two_edits_at_once_that_add_the_same_member_keep_one_and_refuse_the_other_with_409()
    {
        var village = await _api.NewVillageAsync();
        var id = await _api.RegisterHouseholdAsync(village, "钟建国");
        var update = new
        {
            villageCode = village, address = "和平路100号", status = "常住",
            members = new object[] { new { name = "钟建国", relation = "户主" }, new { name = "钟小燕", relation = "女" } },
        };

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await _api.SendAsync(HttpMethod.Put, $"/api/personnel/households/{id}", _api.TownStaff, JsonContent.Create(update));
            return response.StatusCode;
        }));

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var household = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households/{id}", _api.TownStaff);
        Assert.Equal(["钟建国", "钟小燕"], household.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_update_replaces_members_raises_an_event_and_a_stale_version_is_refused()
    {
        var village = await _api.NewVillageAsync();
        var id = await _api.RegisterHouseholdAsync(village, "黄金生");
        var current = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households/{id}", _api.TownStaff);
        var version = current.GetProperty("version").GetUInt32();
        var update = new
        {
            villageCode = village, address = "和平路99号", status = "外出务工", tags = new[] { "进城务工" },
            members = new object[] { new { name = "黄金生", relation = "户主", phone = "13607971111" }, new { name = "黄小明", relation = "子" } },
        };

        using var first = await _api.SendAsync(HttpMethod.Put, $"/api/personnel/households/{id}", _api.TownStaff, JsonContent.Create(update),
            r => r.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\"")));
        using var stale = await _api.SendAsync(HttpMethod.Put, $"/api/personnel/households/{id}", _api.TownStaff, JsonContent.Create(update),
            r => r.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\"")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var updated = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("WorkingAway", "和平路99号"), (updated.GetProperty("status").GetString(), updated.GetProperty("address").GetString()));
        Assert.Equal(["黄金生", "黄小明"], updated.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(1, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE '%HouseholdUpdated%' AND payload->'members'->0->>'phone' = '13607971111'",
            ("id", id.ToString())));
    }

    [Fact]
    public async Task An_edit_that_leaves_out_an_ID_number_or_phone_keeps_it_and_an_empty_one_clears_it()
    {
        var village = await _api.NewVillageAsync();
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var id = await _api.RegisterHouseholdAsync(village, "刘满秀", IdNumber, phone);

        // The address changed; the clerk, who sees the numbers only masked, sends the member without them.
        var moved = await _api.OkAsync(HttpMethod.Put, $"/api/personnel/households/{id}", _api.TownStaff, new
        {
            villageCode = village, address = "和平路88号", status = "Resident", members = new object[] { new { name = "刘满秀", relation = "户主" } },
        });
        var head = moved.GetProperty("members")[0];
        Assert.Equal(("3607**********1234", $"{phone[..3]}****{phone[^4..]}"), (head.GetProperty("idNumber").GetString(), head.GetProperty("phone").GetString()));

        var cleared = await _api.OkAsync(HttpMethod.Put, $"/api/personnel/households/{id}", _api.TownStaff, new
        {
            villageCode = village, address = "和平路88号", status = "Resident", members = new object[] { new { name = "刘满秀", relation = "户主", phone = "" } },
        });
        head = cleared.GetProperty("members")[0];
        Assert.Equal(("3607**********1234", JsonValueKind.Null), (head.GetProperty("idNumber").GetString(), head.GetProperty("phone").ValueKind));
    }

    [Fact]
    public async Task Moving_a_household_ends_its_pairings_in_the_old_village()
    {
        var village = await _api.NewVillageAsync();
        var target = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "罗德华");
        var cadre = await _api.RegisterCadreAsync("温志强");
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });

        var moved = await _api.OkAsync(HttpMethod.Post, $"/api/personnel/households/{household}/move", _api.TownStaff, new { villageCode = target, reason = "搬迁安置" });

        Assert.Equal(target, moved.GetProperty("villageCode").GetString());
        var history = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/pairings?householdId={household}&includeEnded=true", _api.TownStaff);
        var pairing = Assert.Single(history.EnumerateArray());
        Assert.Equal("搬迁安置", pairing.GetProperty("endReason").GetString());
        Assert.Equal(1, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PairingEnded%' AND payload->>'householdId' = @h", ("h", household.ToString())));
    }

    [Fact]
    public async Task Full_personal_data_is_read_only_by_allowed_roles_with_a_purpose_and_every_read_is_logged()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "邱玉珍", IdNumber, "13907970000");
        var member = (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households/{household}", _api.TownStaff)).GetProperty("members")[0].GetProperty("id").GetGuid();
        var path = $"/api/personnel/households/{household}/members/{member}/personal-data";

        using var villageStaff = await _api.SendAsync(HttpMethod.Get, $"{path}?purpose=核实低保", platform.Token(PlatformFixture.Region, Roles.VillageStaff));
        using var noPurpose = await _api.SendAsync(HttpMethod.Get, path, _api.TownStaff);
        var full = await _api.OkAsync(HttpMethod.Get, $"{path}?purpose=核实低保资格", _api.TownStaff);

        Assert.Equal(HttpStatusCode.Forbidden, villageStaff.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPurpose.StatusCode);
        Assert.Equal((IdNumber, "13907970000"), (full.GetProperty("idNumber").GetString(), full.GetProperty("phone").GetString()));
        Assert.Equal(1, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM personal_data_reads WHERE subject_id = @m AND read_by = 'test-town-staff' AND purpose = '核实低保资格'", ("m", member)));
    }

    [Fact]
    public async Task Households_outside_the_callers_region_are_invisible()
    {
        var village = await _api.NewVillageAsync();
        var id = await _api.RegisterHouseholdAsync(village);

        using var other = await _api.SendAsync(HttpMethod.Get, $"/api/personnel/households/{id}", platform.Token(PlatformFixture.OtherRegion));
        var search = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households?householdNumber=x", platform.Token(PlatformFixture.OtherRegion));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }
}
