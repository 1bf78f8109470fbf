namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PersonnelNoticeBoardTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task The_notice_board_shows_members_with_masked_phones_their_households_and_commitments()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "彭桂花");
        var team = await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市水利局"));
        var cadre = await _api.RegisterCadreAsync("宋明辉", phone: "13970701234");
        await _api.AddMemberAsync(team, cadre, "Resident");
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = household, kind = "Resident" });
        await _api.CreatedAsync($"/api/personnel/teams/{team}/commitments", _api.TownStaff, new { text = "群众来电24小时内回复" });
        // The team before this one, recalled: off the board with its promise.
        var earlier = await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市林业局"));
        await _api.CreatedAsync($"/api/personnel/teams/{earlier}/commitments", _api.TownStaff, new { text = "每月走访全覆盖" });
        await _api.OkAsync(HttpMethod.Post, $"/api/personnel/teams/{earlier}/retire", _api.TownStaff, new { reason = "驻村期满轮换" });

        var board = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/notice-board/{village}", platform.Token(village, MassWork.ServiceDefaults.Auth.Roles.VillageStaff));

        Assert.Equal((1, 1), (board.GetProperty("households").GetInt64(), board.GetProperty("pairedHouseholds").GetInt64()));
        var boardTeam = Assert.Single(board.GetProperty("teams").EnumerateArray());
        var member = Assert.Single(boardTeam.GetProperty("members").EnumerateArray());
        Assert.Equal(("宋明辉", "139****1234", 1), (member.GetProperty("name").GetString(), member.GetProperty("phone").GetString(), member.GetProperty("pairedHouseholds").GetInt32()));
        Assert.Equal("彭桂花", member.GetProperty("households")[0].GetProperty("headName").GetString());
        Assert.Equal("群众来电24小时内回复", boardTeam.GetProperty("commitments")[0].GetProperty("text").GetString());
        Assert.EndsWith("+08:00", boardTeam.GetProperty("commitments")[0].GetProperty("createdAt").GetString());
        Assert.DoesNotContain("13970701234", board.GetRawText());
    }

    [Fact]
    public async Task Problems_raised_through_petitions_appear_on_the_board_and_are_closed_out_without_who_raised_them()
    {
        var petitions = new PetitionsApi(platform);
        var (_, village, household) = await petitions.AcceptedCaseAsync("roads-irrigation");
        var town = petitions.Town(village);
        var closed = (await petitions.RequestCase(household, town, "drinking-water")).GetProperty("id").GetGuid();
        await petitions.StepAsync(closed, "assign", town, new { kind = "Region", code = village[..9] + "000" });
        await petitions.StepAsync(closed, "accept", town);
        await petitions.StepAsync(closed, "answer", town, new { outcome = "Supported", opinion = "已更换供水管道" });
        await petitions.StepAsync(closed, "revisit", town, new { satisfaction = "Satisfied", handlerAtFault = false });
        var villageStaff = platform.Token(village, MassWork.ServiceDefaults.Auth.Roles.VillageStaff);

        System.Text.Json.JsonElement board = default;
        await Eventually.HoldsAsync(async () =>
        {
            board = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/notice-board/{village}", villageStaff);
            return board.GetProperty("openProblems").GetInt64() == 1 && board.GetProperty("closedProblems").GetInt64() == 1;
        }, TimeSpan.FromSeconds(30), "one open and one closed-out problem on the board");

        var problems = board.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(("道路水利", false), (problems[0].GetProperty("category").GetString(), problems[0].GetProperty("closed").GetBoolean()));
        Assert.Equal(("饮水安全", true, "Supported"), (problems[1].GetProperty("category").GetString(), problems[1].GetProperty("closed").GetBoolean(), problems[1].GetProperty("outcome").GetString()));
        Assert.DoesNotContain("钟秀兰", board.GetRawText());
        Assert.EndsWith("+08:00", problems[1].GetProperty("closedAt").GetString());
    }
}
