using MassWork.IntegrationTests.Infrastructure;

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

        var board = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/notice-board/{village}", platform.Token(village, MassWork.ServiceDefaults.Auth.Roles.VillageStaff));

        Assert.Equal((1, 1), (board.GetProperty("households").GetInt64(), board.GetProperty("pairedHouseholds").GetInt64()));
        var boardTeam = Assert.Single(board.GetProperty("teams").EnumerateArray());
        var member = Assert.Single(boardTeam.GetProperty("members").EnumerateArray());
        Assert.Equal(("宋明辉", "139****1234", 1), (member.GetProperty("name").GetString(), member.GetProperty("phone").GetString(), member.GetProperty("pairedHouseholds").GetInt32()));
        Assert.Equal("彭桂花", member.GetProperty("households")[0].GetProperty("headName").GetString());
        Assert.Equal("群众来电24小时内回复", boardTeam.GetProperty("commitments")[0].GetProperty("text").GetString());
        Assert.DoesNotContain("13970701234", board.GetRawText());
    }
}
