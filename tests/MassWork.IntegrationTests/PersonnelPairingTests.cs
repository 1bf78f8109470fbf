namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PersonnelPairingTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task A_pairing_carries_the_contact_card_and_one_household_has_one_cadre_of_each_kind()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "赖福生", phone: "13807971234");
        var first = await _api.RegisterCadreAsync("叶志明", phone: "13979712345");
        var second = await _api.RegisterCadreAsync("严海涛");

        var pairing = await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = first, householdId = household, kind = "Resident" });
        using var sameKind = await _api.SendAsync(HttpMethod.Post, "/api/personnel/pairings", _api.TownStaff,
            JsonContent.Create(new { cadreId = second, householdId = household, kind = "Resident" }));
        using var badKind = await _api.SendAsync(HttpMethod.Post, "/api/personnel/pairings", _api.TownStaff,
            JsonContent.Create(new { cadreId = second, householdId = household, kind = "Visitor" }));

        Assert.Equal(HttpStatusCode.Conflict, sameKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("kind", await badKind.Content.ReadAsStringAsync());
        Assert.Equal(1, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @p AND payload->>'cadrePhone' = '13979712345' AND payload->'householdMembers'->0->>'phone' = '13807971234'",
            ("p", pairing.GetProperty("id").GetGuid().ToString())));

        var ended = await _api.OkAsync(HttpMethod.Post, $"/api/personnel/pairings/{pairing.GetProperty("id").GetGuid()}/end", _api.TownStaff, new { reason = "干部调动" });
        Assert.Equal("干部调动", ended.GetProperty("endReason").GetString());
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = second, householdId = household, kind = "Resident" });
        var history = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/pairings?householdId={household}&includeEnded=true", _api.TownStaff);
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task Coverage_counts_covered_double_covered_and_cadres_below_minimum_and_lists_the_gaps()
    {
        var village = await _api.NewVillageAsync();
        var households = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            households.Add(await _api.RegisterHouseholdAsync(village, $"户主{i}"));
        }

        var resident = await _api.RegisterCadreAsync("蓝天明");
        var full = await _api.RegisterCadreAsync("袁丽", rank: "SectionLevel");
        var unit = await _api.CreateUnitAsync("赣州市发改委");
        var team = await _api.CreateTeamAsync(village, unit);
        await _api.AddMemberAsync(team, resident, "Resident");
        await _api.AddMemberAsync(team, full, "FullCoverage");
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = resident, householdId = households[0], kind = "Resident" });
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = resident, householdId = households[1], kind = "Resident" });
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = full, householdId = households[1], kind = "FullCoverage" });
        // A cadre who left the programme owes nothing: not counted, not a gap.
        var retired = (await _api.CreatedAsync("/api/personnel/cadres", _api.TownStaff, new { name = "谢文斌", phone = "13907971235", rank = "General", regionCode = village }))
            .GetProperty("id").GetGuid();
        await _api.AddMemberAsync(team, retired, "Resident");
        await _api.OkAsync(HttpMethod.Post, $"/api/personnel/cadres/{retired}/retire", _api.TownStaff, new { reason = "退休" });

        var report = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/coverage/{village}", _api.TownStaff);

        Assert.Equal((4, 2, 2, 1), (report.GetProperty("households").GetInt64(), report.GetProperty("covered").GetInt64(),
            report.GetProperty("uncovered").GetInt64(), report.GetProperty("doubleCovered").GetInt64()));
        Assert.Equal(households.Skip(2).Order(), report.GetProperty("uncoveredSample").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).Order());
        var first = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/coverage/{village}/uncovered?page=1&pageSize=1", _api.TownStaff);
        var second = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/coverage/{village}/uncovered?page=2&pageSize=1", _api.TownStaff);
        Assert.Equal(report.GetProperty("uncoveredSample").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()),
            [first[0].GetProperty("id").GetGuid(), second[0].GetProperty("id").GetGuid()]);
        var below = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/coverage/{village[..9]}000/cadres-below-minimum?pageSize=500", _api.TownStaff);
        var fullLine = Assert.Single(below.EnumerateArray(), c => c.GetProperty("id").GetGuid() == full);
        Assert.Equal((1, 5), (fullLine.GetProperty("load").GetInt32(), fullLine.GetProperty("minimum").GetInt32()));
        var residentLine = Assert.Single(below.EnumerateArray(), c => c.GetProperty("id").GetGuid() == resident);
        Assert.Equal((2, 10), (residentLine.GetProperty("load").GetInt32(), residentLine.GetProperty("minimum").GetInt32()));
        Assert.DoesNotContain(below.EnumerateArray(), c => c.GetProperty("id").GetGuid() == retired);
        Assert.Equal(2, report.GetProperty("cadres").GetInt64());
    }

    [Fact]
    public async Task A_proposal_applied_after_its_cadre_left_skips_their_households()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "彭秀莲");
        var team = await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市统计局"));
        var cadre = await _api.RegisterCadreAsync("彭小军");
        await _api.AddMemberAsync(team, cadre, "Resident");
        var proposal = await _api.CreatedAsync("/api/personnel/assignments", _api.TownStaff, new { regionCode = village });
        Assert.Equal(cadre, Assert.Single(proposal.GetProperty("items").EnumerateArray()).GetProperty("cadreId").GetGuid());

        await _api.OkAsync(HttpMethod.Post, $"/api/personnel/cadres/{cadre}/retire", _api.TownStaff, new { reason = "调离" });
        var applied = await _api.OkAsync(HttpMethod.Post, $"/api/personnel/assignments/{proposal.GetProperty("id").GetGuid()}/apply", _api.TownStaff);

        // Not paired with someone who will never come: the household stays a gap the report shows.
        Assert.Equal((0, 1), (applied.GetProperty("applied").GetInt32(), applied.GetProperty("skipped").GetInt32()));
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM pairings WHERE household_id = @h", ("h", household)));
    }

    [Fact]
    public async Task A_cadre_of_one_villages_team_is_not_paired_with_a_household_of_another_village()
    {
        var (village, otherVillage) = (await _api.NewVillageAsync(), await _api.NewVillageAsync());
        var household = await _api.RegisterHouseholdAsync(otherVillage, "曾凡英");
        var member = await _api.RegisterCadreAsync("钟立新");
        await _api.AddMemberAsync(await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市财政局")), member, "Resident");

        using var refused = await _api.SendAsync(HttpMethod.Post, "/api/personnel/pairings", _api.TownStaff,
            JsonContent.Create(new { cadreId = member, householdId = household, kind = "Resident" }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(village, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM pairings WHERE cadre_id = @c", ("c", member)));
        var townCadre = await _api.RegisterCadreAsync("刘秀英");
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = townCadre, householdId = household, kind = "FullCoverage" });
    }

    [Fact]
    public async Task Auto_assignment_proposes_a_balanced_plan_by_group_and_applies_it_once()
    {
        var village = await _api.NewVillageAsync();
        var groupA = await _api.AddGroupAsync(village, "第一村民小组");
        var groupB = await _api.AddGroupAsync(village, "第二村民小组");
        var inA = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var id = await _api.RegisterHouseholdAsync(village, $"甲{i}", groupId: i % 2 == 0 ? groupA : groupB);
            if (i % 2 == 0)
            {
                inA.Add(id);
            }
        }

        var unit = await _api.CreateUnitAsync("赣州市财政局");
        var team = await _api.CreateTeamAsync(village, unit);
        var a = await _api.RegisterCadreAsync("朱建军");
        var b = await _api.RegisterCadreAsync("郭秀英");
        await _api.AddMemberAsync(team, a, "Resident", groupA);
        await _api.AddMemberAsync(team, b, "Resident", groupB);

        var proposal = await _api.CreatedAsync("/api/personnel/assignments", _api.TownStaff, new { regionCode = village });
        var items = proposal.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, items.Count);
        Assert.All(items, i => Assert.Equal(inA.Contains(i.GetProperty("householdId").GetGuid()) ? a : b, i.GetProperty("cadreId").GetGuid()));
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM pairings WHERE village_code = @v", ("v", village)));

        var applied = await _api.OkAsync(HttpMethod.Post, $"/api/personnel/assignments/{proposal.GetProperty("id").GetGuid()}/apply", _api.TownStaff);
        using var twice = await _api.SendAsync(HttpMethod.Post, $"/api/personnel/assignments/{proposal.GetProperty("id").GetGuid()}/apply", _api.TownStaff);

        Assert.Equal(("Applied", 6, 0), (applied.GetProperty("status").GetString(), applied.GetProperty("applied").GetInt32(), applied.GetProperty("skipped").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(6, await platform.CountAsync("personneldb", "SELECT count(*) FROM pairings WHERE village_code = @v AND ended_at IS NULL", ("v", village)));
        Assert.Equal(6, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PairingStarted%' AND payload->>'villageCode' = @v", ("v", village)));
        var report = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/coverage/{village}", _api.TownStaff);
        Assert.Equal(1.0, report.GetProperty("coverageRate").GetDouble());
    }

    [Fact]
    public async Task An_apply_and_a_discard_racing_decide_the_proposal_once()
    {
        var village = await _api.NewVillageAsync();
        var group = await _api.AddGroupAsync(village, "第一村民小组");
        for (var i = 0; i < 4; i++)
        {
            await _api.RegisterHouseholdAsync(village, $"乙{i}", groupId: group);
        }

        var team = await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市水利局"));
        await _api.AddMemberAsync(team, await _api.RegisterCadreAsync("钟立新"), "Resident", group);

        for (var round = 0; round < 3; round++)
        {
            var proposal = await _api.CreatedAsync("/api/personnel/assignments", _api.TownStaff, new { regionCode = village });
            var id = proposal.GetProperty("id").GetGuid();
            var apply = _api.SendAsync(HttpMethod.Post, $"/api/personnel/assignments/{id}/apply", _api.TownStaff);
            var discard = _api.SendAsync(HttpMethod.Post, $"/api/personnel/assignments/{id}/discard", _api.TownStaff);
            using var applied = await apply;
            using var discarded = await discard;

            // One decision wins, the other is told it came second; what is stored matches the winner.
            Assert.Equal(1, new[] { applied.StatusCode, discarded.StatusCode }.Count(c => c == HttpStatusCode.OK));
            Assert.Equal(1, new[] { applied.StatusCode, discarded.StatusCode }.Count(c => c == HttpStatusCode.Conflict));
            var stored = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/assignments/{id}", _api.TownStaff);
            Assert.Equal(applied.StatusCode == HttpStatusCode.OK ? "Applied" : "Discarded", stored.GetProperty("status").GetString());
            Assert.Equal(applied.StatusCode == HttpStatusCode.OK ? 4 : 0,
                await platform.CountAsync("personneldb", "SELECT count(*) FROM pairings WHERE village_code = @v AND ended_at IS NULL", ("v", village)));
            if (applied.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task Compound_mode_divides_a_compounds_households_among_the_cadres_living_there()
    {
        var village = await _api.NewVillageAsync();
        var compound = await _api.AddGroupAsync(village, "阳明小区", kind: "Compound");
        for (var i = 0; i < 4; i++)
        {
            await _api.CreatedAsync("/api/personnel/households", _api.TownStaff, new
            {
                householdNumber = Households.NewNumber(), villageCode = village, compoundId = compound, address = $"阳明小区{i}栋", headName = $"住户{i}",
            });
        }

        var living = new[] { await _api.RegisterCadreAsync("公务员甲", homeCompoundId: compound), await _api.RegisterCadreAsync("公务员乙", homeCompoundId: compound) };

        var proposal = await _api.CreatedAsync("/api/personnel/assignments", _api.TownStaff, new { regionCode = village, mode = "Compound" });

        Assert.All(proposal.GetProperty("loads").EnumerateArray(), s => Assert.Equal(2, s.GetProperty("added").GetInt32()));
        Assert.Equal(living.Order(), proposal.GetProperty("loads").EnumerateArray().Select(s => s.GetProperty("cadreId").GetGuid()).Order());
    }

    [Fact]
    public async Task The_policy_is_editable_by_operators_and_bad_figures_are_named()
    {
        using var bad = await _api.SendAsync(HttpMethod.Put, "/api/personnel/policies/3607", _api.Operator, JsonContent.Create(new
        {
            mode = "Triple", minResidentSectionLevel = 10, minResidentGeneral = 10, minFullCoverageSectionLevel = -1, minFullCoverageGeneral = 3,
            presenceDays = 9, presencePeriod = "Week",
        }));
        using var staff = await _api.SendAsync(HttpMethod.Put, "/api/personnel/policies/3607", _api.TownStaff, JsonContent.Create(new { mode = "Single" }));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"mode\"", body);
        Assert.Contains("minFullCoverageSectionLevel", body);
        Assert.Contains("presenceDays", body);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        var policy = await _api.OkAsync(HttpMethod.Get, "/api/personnel/policies/3607", _api.TownStaff);
        Assert.Equal("Single", policy.GetProperty("mode").GetString());
    }
}
