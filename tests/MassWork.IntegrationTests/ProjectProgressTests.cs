namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class ProjectProgressTests(PlatformFixture platform)
{
    private const string Payee = "于都县路桥工程有限公司";
    private static readonly string Due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd");

    private readonly ProjectsApi _api = new(platform);

    private async Task<Guid> MilestoneAsync(Guid id, string town, string name, int weight)
    {
        var project = await _api.Http.OkAsync(HttpMethod.Post, $"/api/projects/{id}/milestones", town, new { name, weight, dueDate = Due });
        return project.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    private Task<JsonElement> ProgressAsync(Guid id, Guid milestone, string town, int percent) =>
        _api.Http.OkAsync(HttpMethod.Put, $"/api/projects/{id}/milestones/{milestone}/progress", town, new { percent });

    [Fact]
    public async Task Milestones_weigh_into_the_projects_progress_every_update_is_kept_and_the_region_rolls_up_by_town_and_village()
    {
        var (id, village) = await _api.UnderWayAsync(3_000_000);
        var town = _api.Town(village);
        var road = await MilestoneAsync(id, town, "路基", 1);
        var surface = await MilestoneAsync(id, town, "路面硬化", 3);
        await ProgressAsync(id, road, town, 40);
        await ProgressAsync(id, road, town, 100);
        var project = await ProgressAsync(id, surface, town, 50);

        Assert.Equal(62, project.GetProperty("progressPercent").GetInt32());
        var kept = project.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == road).GetProperty("updates");
        Assert.Equal([40, 100], kept.EnumerateArray().Select(u => u.GetProperty("percent").GetInt32()));
        Assert.Equal("town-clerk", kept[1].GetProperty("updatedBy").GetString());
        Assert.EndsWith("+08:00", kept[1].GetProperty("at").GetString());

        var ofVillage = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/progress?region={village}", town);
        Assert.Equal((1, 62), (ofVillage.GetProperty("projects").GetInt32(), ofVillage.GetProperty("progressPercent").GetInt32()));
        var ofTown = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/progress?region={village[..9]}", town);
        var row = ofTown.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("regionCode").GetString() == village);
        Assert.Equal((1, 62), (row.GetProperty("projects").GetInt32(), row.GetProperty("progressPercent").GetInt32()));
        Assert.Empty(ofTown.GetProperty("towns").EnumerateArray());
    }

    [Fact]
    public async Task Bad_milestones_and_progress_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var (id, village) = await _api.UnderWayAsync(3_000_000);
        var town = _api.Town(village);
        var road = await MilestoneAsync(id, town, "路基", 1);

        using (var bad = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/milestones", town, new { name = " ", weight = 0 }))
        {
            var errors = (await ProjectsApi.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.Equal(["dueDate", "name", "weight"], errors.EnumerateObject().Select(e => e.Name).Order());
        }

        using (var twice = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/milestones", town, new { name = "路基", weight = 2, dueDate = Due }))
        {
            Assert.True((await ProjectsApi.ProblemAsync(twice, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("name", out _));
        }

        using (var over = await _api.SendAsync(HttpMethod.Put, $"/api/projects/{id}/milestones/{road}/progress", town, new { percent = 101 }))
        {
            Assert.True((await ProjectsApi.ProblemAsync(over, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("percent", out _));
        }

        using (var unknown = await _api.SendAsync(HttpMethod.Put, $"/api/projects/{id}/milestones/{Guid.NewGuid()}/progress", town, new { percent = 10 }))
        {
            await ProjectsApi.ProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        using (var badRegion = await _api.SendAsync(HttpMethod.Get, "/api/projects/progress?region=12345", town))
        {
            Assert.True((await ProjectsApi.ProblemAsync(badRegion, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("region", out _));
        }

        using (var outside = await _api.SendAsync(HttpMethod.Get, "/api/projects/progress?region=3607", town))
        {
            await ProjectsApi.ProblemAsync(outside, HttpStatusCode.Forbidden);
        }

        var proposed = (await _api.ProposeAsync(village, 1_000_000)).GetProperty("id").GetGuid();
        using (var early = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{proposed}/milestones", town, new { name = "路基", weight = 1, dueDate = Due }))
        {
            Assert.Contains("cannot take milestones", (await ProjectsApi.ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        }

        var project = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/{id}", town);
        var milestone = Assert.Single(project.GetProperty("milestones").EnumerateArray());
        Assert.Equal((1, 0, 0), (milestone.GetProperty("weight").GetInt32(), milestone.GetProperty("progressPercent").GetInt32(), milestone.GetProperty("updates").GetArrayLength()));
        Assert.Empty((await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/{proposed}", town)).GetProperty("milestones").EnumerateArray());
    }

    [Fact]
    public async Task A_published_project_is_on_its_village_board_with_money_by_source_payees_progress_and_sign_off_count_but_no_household_ids()
    {
        var (id, village) = await _api.UnderWayAsync(3_000_000);
        var town = _api.Town(village);
        await _api.EntryAsync(id, town, new { kind = "Payment", source = "CityFund", amountFen = 1_000_000, payee = Payee });
        var wrong = (await _api.EntryAsync(id, town, new { kind = "Payment", source = "CityFund", amountFen = 500_000, payee = "错录单位" })).GetProperty("id").GetGuid();
        await _api.EntryAsync(id, town, new { kind = "Reversal", reversesEntryId = wrong, note = "收款单位录入错误" });
        var road = await MilestoneAsync(id, town, "路基", 1);
        await ProgressAsync(id, road, town, 100);

        var underWay = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/{id}/notice", town);
        Assert.Equal("UnderWay", underWay.GetProperty("stage").GetString());
        await _api.StepAsync(id, "accept", town);
        await _api.StepAsync(id, "publish", town);

        var notice = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/{id}/notice", _api.Town(village, MassWork.ServiceDefaults.Auth.Roles.VillageStaff, "village-clerk"));
        Assert.Equal((3_000_000, 1_000_000, 100, 86, 0), (notice.GetProperty("budgetFen").GetInt64(), notice.GetProperty("paidFen").GetInt64(),
            notice.GetProperty("progressPercent").GetInt32(), notice.GetProperty("beneficiaryCount").GetInt32(), notice.GetProperty("councilSignOffs").GetInt32()));
        var payee = Assert.Single(notice.GetProperty("payees").EnumerateArray());
        Assert.Equal((Payee, 1_000_000), (payee.GetProperty("payee").GetString(), payee.GetProperty("paidFen").GetInt64()));
        Assert.Equal(("CityFund", 3_000_000, 1_000_000), (notice.GetProperty("sources")[0].GetProperty("source").GetString(),
            notice.GetProperty("sources")[0].GetProperty("budgetFen").GetInt64(), notice.GetProperty("sources")[0].GetProperty("paidFen").GetInt64()));
        Assert.False(notice.TryGetProperty("beneficiaryHouseholdIds", out _));
        Assert.EndsWith("+08:00", notice.GetProperty("onNoticeUntil").GetString());

        var board = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/notices?village={village}", town);
        Assert.Equal(30, board.GetProperty("publicityDays").GetInt32());
        Assert.Equal(id, Assert.Single(board.GetProperty("notices").EnumerateArray()).GetProperty("id").GetGuid());

        using (var noVillage = await _api.SendAsync(HttpMethod.Get, $"/api/projects/notices?village={village[..9]}", town))
        {
            Assert.True((await ProjectsApi.ProblemAsync(noVillage, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("village", out _));
        }

        using (var elsewhere = await _api.SendAsync(HttpMethod.Get, "/api/projects/notices?village=360731105201", town))
        {
            await ProjectsApi.ProblemAsync(elsewhere, HttpStatusCode.Forbidden);
        }

        var proposed = (await _api.ProposeAsync(village, 1_000_000)).GetProperty("id").GetGuid();
        using var early = await _api.SendAsync(HttpMethod.Get, $"/api/projects/{proposed}/notice", town);
        await ProjectsApi.ProblemAsync(early, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Figures_count_projects_by_stage_category_and_size_money_by_source_on_time_completion_households_and_demands_answered()
    {
        var (id, village) = await _api.UnderWayAsync(3_000_000);
        var town = _api.Town(village);
        await _api.EntryAsync(id, town, new { kind = "Payment", source = "CityFund", amountFen = 2_000_000, payee = Payee });
        var road = await MilestoneAsync(id, town, "路基", 1);
        await ProgressAsync(id, road, town, 100);
        await _api.StepAsync(id, "accept", town);
        await _api.StepAsync(id, "publish", town);
        await _api.ProposeAsync(village, 60_000_000);

        var figures = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/figures?region={village}", town);
        var total = figures.GetProperty("total");
        Assert.Equal((2, 63_000_000, 1, 100, 86, 1), (total.GetProperty("projects").GetInt64(), total.GetProperty("estimatedCostFen").GetInt64(), total.GetProperty("done").GetInt64(),
            total.GetProperty("onTimePercent").GetInt32(), total.GetProperty("householdsBenefiting").GetInt64(), total.GetProperty("demandsAnswered").GetInt64()));
        Assert.Equal([("Proposed", 1L), ("Published", 1L)], figures.GetProperty("byStage").EnumerateArray()
            .Select(c => (c.GetProperty("key").GetString()!, c.GetProperty("counts").GetProperty("projects").GetInt64())).OrderBy(c => c.Item1, StringComparer.Ordinal));
        Assert.Equal([("5万元以内", 1L), ("50万元以上", 1L)], figures.GetProperty("bySize").EnumerateArray()
            .Select(c => (c.GetProperty("label").GetString()!, c.GetProperty("counts").GetProperty("projects").GetInt64())));
        Assert.Equal(2, Assert.Single(figures.GetProperty("byCategory").EnumerateArray()).GetProperty("counts").GetProperty("projects").GetInt64());
        var money = Assert.Single(figures.GetProperty("money").EnumerateArray());
        Assert.Equal(("CityFund", 3_000_000, 3_000_000, 2_000_000), (money.GetProperty("source").GetString(), money.GetProperty("approvedFen").GetInt64(),
            money.GetProperty("allocatedFen").GetInt64(), money.GetProperty("paidFen").GetInt64()));

        var ofTown = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/figures?region={village[..9]}", town);
        var area = ofTown.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("regionCode").GetString() == village);
        Assert.Equal(2, area.GetProperty("counts").GetProperty("projects").GetInt64());
        Assert.Equal(2_000_000, Assert.Single(area.GetProperty("money").EnumerateArray()).GetProperty("paidFen").GetInt64());

        using (var backwards = await _api.SendAsync(HttpMethod.Get, $"/api/projects/figures?region={village}&from=2026-06-01&to=2026-05-01", town))
        {
            Assert.True((await ProjectsApi.ProblemAsync(backwards, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("to", out _));
        }

        using (var badRegion = await _api.SendAsync(HttpMethod.Get, "/api/projects/figures?region=3607x", town))
        {
            Assert.True((await ProjectsApi.ProblemAsync(badRegion, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("region", out _));
        }

        using var outside = await _api.SendAsync(HttpMethod.Get, "/api/projects/figures?region=3607", town);
        await ProjectsApi.ProblemAsync(outside, HttpStatusCode.Forbidden);
    }
}
