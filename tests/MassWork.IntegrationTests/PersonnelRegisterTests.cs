namespace MassWork.IntegrationTests;

/// <summary>Corrections to the cadre, unit and team registers, with history, and retirement leaving gaps in coverage.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PersonnelRegisterTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task A_cadres_new_phone_is_recorded_with_history_masked_and_reaches_notifications()
    {
        var cadre = await _api.RegisterCadreAsync("钟永华", phone: "13907970001", userId: $"u-{Guid.NewGuid():N}");
        var read = await _api.SendAsync(HttpMethod.Get, $"/api/personnel/cadres/{cadre}", _api.TownStaff);
        var etag = read.Headers.ETag!.Tag;
        var entry = await read.Content.ReadFromJsonAsync<JsonElement>();
        var body = new
        {
            name = "钟永华", phone = (string?)"13907970002", rank = "SectionLevel", position = "副队长",
            unitId = (Guid?)null, regionCode = entry.GetProperty("regionCode").GetString(), homeCompoundId = (Guid?)null, userId = entry.GetProperty("userId").GetString(),
        };

        using var edited = await _api.SendAsync(HttpMethod.Put, $"/api/personnel/cadres/{cadre}", _api.TownStaff, JsonContent.Create(body),
            r => r.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag)));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("139****0002", "SectionLevel", "副队长"), (after.GetProperty("phone").GetString(), after.GetProperty("rank").GetString(), after.GetProperty("position").GetString()));

        // The same stale version again: someone else's change is not overwritten.
        using var stale = await _api.SendAsync(HttpMethod.Put, $"/api/personnel/cadres/{cadre}", _api.TownStaff, JsonContent.Create(body with { position = "队员" }),
            r => r.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag)));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // Omitting the phone keeps it; bad input names the field and changes nothing.
        await _api.OkAsync(HttpMethod.Put, $"/api/personnel/cadres/{cadre}", _api.TownStaff, body with { phone = null, position = "队员" } as object);
        using var bad = await _api.SendAsync(HttpMethod.Put, $"/api/personnel/cadres/{cadre}", _api.TownStaff, JsonContent.Create(body with { phone = "12345", position = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));

        var history = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/cadres/{cadre}/history", _api.TownStaff);
        Assert.Equal(2, history.GetArrayLength());
        var first = history[0].GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => (c.GetProperty("from").GetString(), c.GetProperty("to").GetString()));
        Assert.Equal(("139****0001", "139****0002"), first["phone"]);
        Assert.Equal(("General", "SectionLevel"), first["rank"]);
        Assert.Equal(["position"], history[1].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()));
        Assert.Equal("test-town-staff", history[1].GetProperty("by").GetString());
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM register_changes WHERE changes::text LIKE '%13907970002%'"));

        // A new login is where the cadre's notices go from now on.
        var login = $"u-{Guid.NewGuid():N}";
        await _api.OkAsync(HttpMethod.Put, $"/api/personnel/cadres/{cadre}", _api.TownStaff, body with { phone = null, position = "队员", userId = login } as object);
        await Eventually.HoldsAsync(
            async () => await platform.CountAsync("notificationsdb", "SELECT count(*) FROM cadre_contacts WHERE cadre_id = @id AND user_id = @login", ("id", cadre), ("login", login)) == 1,
            TimeSpan.FromSeconds(30), "notifications hears of the corrected entry");
        await Eventually.HoldsAsync(
            async () => await platform.CountAsync("visitsdb", "SELECT count(*) FROM cadres WHERE id = @id AND user_id = @login AND rank = 'SectionLevel'", ("id", cadre), ("login", login)) == 1,
            TimeSpan.FromSeconds(30), "visits knows the cadre by the new login");
    }

    [Fact]
    public async Task Of_two_leaders_added_to_a_team_at_once_one_joins_and_the_other_is_told_the_team_has_a_leader()
    {
        var village = await _api.NewVillageAsync();
        var team = await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市林业局"));
        var leaders = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _api.RegisterCadreAsync($"队长{i}", rank: "SectionLevel")));

        var statuses = await Task.WhenAll(leaders.Select(async cadre =>
        {
            using var response = await _api.SendAsync(HttpMethod.Post, $"/api/personnel/teams/{team}/members", _api.TownStaff,
                JsonContent.Create(new { cadreId = cadre, role = "Leader" }));
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Conflict));
        var members = (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/teams/{team}", _api.TownStaff)).GetProperty("members");
        Assert.Single(members.EnumerateArray(), m => m.GetProperty("role").GetString() == "Leader");
    }

    [Fact]
    public async Task Retiring_a_cadre_ends_their_pairings_and_team_place_and_the_coverage_report_shows_the_gap()
    {
        var village = await _api.NewVillageAsync();
        var households = new[] { await _api.RegisterHouseholdAsync(village, "曾水生"), await _api.RegisterHouseholdAsync(village, "曾木生") };
        var cadre = await _api.RegisterCadreAsync("谢建军");
        var team = await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市水利局"));
        await _api.AddMemberAsync(team, cadre, "Resident");
        foreach (var household in households)
        {
            await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = household, kind = "Resident" });
        }

        Assert.Equal(2, (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/coverage/{village}", _api.TownStaff)).GetProperty("covered").GetInt64());
        using (var noReason = await _api.SendAsync(HttpMethod.Post, $"/api/personnel/cadres/{cadre}/retire", _api.TownStaff, JsonContent.Create(new { reason = " " })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        var retired = await _api.OkAsync(HttpMethod.Post, $"/api/personnel/cadres/{cadre}/retire", _api.TownStaff, new { reason = "调回原单位" });

        Assert.Equal(2, retired.GetProperty("pairingsEnded").GetInt32());
        Assert.Equal(households.Order(), retired.GetProperty("householdsToPairAgain").EnumerateArray().Select(h => h.GetGuid()).Order());
        Assert.Equal("调回原单位", retired.GetProperty("cadre").GetProperty("retireReason").GetString());
        var coverage = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/coverage/{village}", _api.TownStaff);
        Assert.Equal((0, 2), (coverage.GetProperty("covered").GetInt64(), coverage.GetProperty("uncovered").GetInt64()));
        Assert.Empty((await _api.OkAsync(HttpMethod.Get, $"/api/personnel/teams/{team}", _api.TownStaff)).GetProperty("members").EnumerateArray());
        Assert.Equal(2, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PairingEnded,%' AND payload->>'cadreId' = @c AND payload->>'reason' = '干部退出：调回原单位'", ("c", cadre.ToString())));
        Assert.Equal(1, await platform.CountAsync("personneldb", "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%CadreRetired,%' AND aggregate_id = @c", ("c", cadre.ToString())));

        // Gone from the lists, kept for history; takes no new work; not edited; not retired twice.
        var listed = await _api.OkAsync(HttpMethod.Get, "/api/personnel/cadres?name=谢建军&pageSize=200", _api.TownStaff);
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == cadre);
        var withRetired = await _api.OkAsync(HttpMethod.Get, "/api/personnel/cadres?name=谢建军&includeRetired=true&pageSize=200", _api.TownStaff);
        Assert.Contains(withRetired.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == cadre);
        using (var pair = await _api.SendAsync(HttpMethod.Post, "/api/personnel/pairings", _api.TownStaff, JsonContent.Create(new { cadreId = cadre, householdId = households[0], kind = "Resident" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, pair.StatusCode);
            Assert.Contains("cadreId", await pair.Content.ReadAsStringAsync());
        }

        using (var edit = await _api.SendAsync(HttpMethod.Put, $"/api/personnel/cadres/{cadre}", _api.TownStaff,
            JsonContent.Create(new { name = "谢建军", rank = "General", regionCode = "360702001000" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        }

        using (var again = await _api.SendAsync(HttpMethod.Post, $"/api/personnel/cadres/{cadre}/retire", _api.TownStaff, JsonContent.Create(new { reason = "退休" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var history = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/cadres/{cadre}/history", _api.TownStaff);
        Assert.Equal(("Retired", "调回原单位"), (history[0].GetProperty("action").GetString(), history[0].GetProperty("reason").GetString()));
        await Eventually.HoldsAsync(
            async () => await platform.CountAsync("notificationsdb", "SELECT count(*) FROM cadre_contacts WHERE cadre_id = @id AND retired AND phone_cipher IS NULL", ("id", cadre)) == 1,
            TimeSpan.FromSeconds(30), "notifications stops reaching the retired cadre");
    }

    [Fact]
    public async Task A_recalled_team_leaves_its_village_uncovered_and_its_unit_can_then_be_retired_and_renamed_never()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "李春生");
        var unit = await _api.CreateUnitAsync("赣州市交通局");
        var team = await _api.CreateTeamAsync(village, unit);
        var cadre = await _api.RegisterCadreAsync("邱志强");
        await _api.AddMemberAsync(team, cadre, "Leader");
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = household, kind = "Resident" });

        var renamed = await _api.OkAsync(HttpMethod.Put, $"/api/personnel/teams/{team}", _api.TownStaff, new { name = "市交通局驻村工作队" });
        Assert.Equal("市交通局驻村工作队", renamed.GetProperty("name").GetString());
        using (var stillSending = await _api.SendAsync(HttpMethod.Post, $"/api/personnel/units/{unit}/retire", _api.Operator, JsonContent.Create(new { reason = "机构改革撤并" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, stillSending.StatusCode);
        }

        var recalled = await _api.OkAsync(HttpMethod.Post, $"/api/personnel/teams/{team}/retire", _api.TownStaff, new { reason = "驻村期满轮换" });
        Assert.Equal((1, 1), (recalled.GetProperty("membersLeft").GetInt32(), recalled.GetProperty("pairingsEnded").GetInt32()));
        Assert.Equal(1, (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/coverage/{village}", _api.TownStaff)).GetProperty("uncovered").GetInt64());
        Assert.Equal(0, (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/teams?villageCode={village}", _api.TownStaff)).GetArrayLength());
        using (var join = await _api.SendAsync(HttpMethod.Post, $"/api/personnel/teams/{team}/members", _api.TownStaff, JsonContent.Create(new { cadreId = cadre, role = "Resident" })))
        {
            Assert.Equal(HttpStatusCode.Conflict, join.StatusCode);
        }

        var unitRetired = await _api.OkAsync(HttpMethod.Post, $"/api/personnel/units/{unit}/retire", _api.Operator, new { reason = "机构改革撤并" });
        Assert.NotEqual(JsonValueKind.Null, unitRetired.GetProperty("retiredAt").ValueKind);
        using (var newTeam = await _api.SendAsync(HttpMethod.Post, "/api/personnel/teams", _api.TownStaff, JsonContent.Create(new { name = "新工作队", unitId = unit, villageCode = village })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, newTeam.StatusCode);
            Assert.Contains("unitId", await newTeam.Content.ReadAsStringAsync());
        }

        var teamHistory = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/teams/{team}/history", _api.TownStaff);
        Assert.Equal(["Edited", "Retired"], teamHistory.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(["Retired"], (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/units/{unit}/history", _api.Operator)).EnumerateArray().Select(h => h.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Another_regions_staff_cannot_correct_retire_or_read_the_history_of_this_regions_registers()
    {
        var village = await _api.NewVillageAsync();
        var cadre = await _api.RegisterCadreAsync("温海波");
        var unit = await _api.CreateUnitAsync("赣州市林业局");
        var team = await _api.CreateTeamAsync(village, unit);
        var other = platform.Token(PlatformFixture.OtherRegion, MassWork.ServiceDefaults.Auth.Roles.TownStaff, "other-town");
        var otherOperator = platform.Token(PlatformFixture.OtherRegion, MassWork.ServiceDefaults.Auth.Roles.Operator, "other-operator");

        var attempts = new (HttpMethod Method, string Path, string Token, object? Body)[]
        {
            (HttpMethod.Put, $"/api/personnel/cadres/{cadre}", other, new { name = "温海波", rank = "General", regionCode = "360703001000" }),
            (HttpMethod.Post, $"/api/personnel/cadres/{cadre}/retire", other, new { reason = "调离" }),
            (HttpMethod.Get, $"/api/personnel/cadres/{cadre}/history", other, null),
            (HttpMethod.Put, $"/api/personnel/teams/{team}", other, new { name = "改名" }),
            (HttpMethod.Post, $"/api/personnel/teams/{team}/retire", other, new { reason = "撤回" }),
            (HttpMethod.Put, $"/api/personnel/units/{unit}", otherOperator, new { name = "改名" }),
            (HttpMethod.Post, $"/api/personnel/units/{unit}/retire", otherOperator, new { reason = "撤并" }),
            (HttpMethod.Put, $"/api/personnel/regions/{village}/location", other, new { latitude = 25.9, longitude = 115.4 }),
            (HttpMethod.Get, $"/api/personnel/attendance/check-ins?region={village}", other, null),
        };
        foreach (var (method, path, token, body) in attempts)
        {
            using var response = await _api.SendAsync(method, path, token, body is null ? null : JsonContent.Create(body));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }

        var entry = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/cadres/{cadre}", _api.TownStaff);
        Assert.Equal(("温海波", JsonValueKind.Null), (entry.GetProperty("name").GetString(), entry.GetProperty("retiredAt").ValueKind));
        Assert.Equal(0, (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/cadres/{cadre}/history", _api.TownStaff)).GetArrayLength());
    }
}
