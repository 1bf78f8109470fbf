namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PersonnelAttendanceTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task Two_days_of_leave_need_the_team_leader_then_the_town_party_secretary_and_decisions_are_final()
    {
        var (team, village) = await TeamAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var leader = await _api.RegisterCadreAsync("队长甲", rank: "SectionLevel", userId: $"leader-{tag}");
        var member = await _api.RegisterCadreAsync("队员乙", userId: $"member-{tag}");
        var secretary = await _api.RegisterCadreAsync("书记丙", rank: "SectionLevel", userId: $"secretary-{tag}");
        await _api.AddMemberAsync(team, leader, "Leader");
        await _api.AddMemberAsync(team, member, "Resident");
        await _api.OkAsync(HttpMethod.Put, $"/api/personnel/towns/{village[..9]}000/officials", _api.Operator, new { partySecretaryCadreId = secretary, cityLeaderCadreId = (Guid?)null });
        var today = ChinaTime.Today(platform.Clock);

        var leave = await _api.CreatedAsync("/api/personnel/leaves", Cadre($"member-{tag}"),
            new { firstDay = today.AddDays(3), lastDay = today.AddDays(4), reason = "母亲住院陪护" });
        var id = leave.GetProperty("id").GetGuid();
        Assert.Equal(("Pending", "TeamLeader", leader), (leave.GetProperty("status").GetString(), leave.GetProperty("currentStep").GetString(), leave.GetProperty("currentApproverCadreId").GetGuid()));

        using var bySecretaryTooEarly = await Decide(id, $"secretary-{tag}", approve: true);
        Assert.Equal(HttpStatusCode.Forbidden, bySecretaryTooEarly.StatusCode);

        var awaiting = await _api.OkAsync(HttpMethod.Get, "/api/personnel/leaves?awaitingMe=true", Cadre($"leader-{tag}"));
        Assert.Contains(awaiting.EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);

        using var byLeader = await Decide(id, $"leader-{tag}", approve: true);
        Assert.Equal("TownPartySecretary", (await byLeader.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("currentStep").GetString());
        using var bySecretary = await Decide(id, $"secretary-{tag}", approve: true);
        var approved = await bySecretary.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(2, approved.GetProperty("decisions").GetArrayLength());

        using var again = await Decide(id, $"secretary-{tag}", approve: false);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, await platform.CountAsync("personneldb", "SELECT count(*) FROM leave_decisions WHERE leave_id = @id", ("id", id)));
        Assert.Equal(1, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND payload->>'status' = 'Approved'", ("id", id.ToString())));
    }

    [Fact]
    public async Task Leave_in_the_past_or_without_a_reason_is_refused()
    {
        var (team, _) = await TeamAsync();
        var user = $"member-{Guid.NewGuid():N}"[..20];
        await _api.AddMemberAsync(team, await _api.RegisterCadreAsync("队员丁", userId: user), "Resident");

        using var response = await _api.SendAsync(HttpMethod.Post, "/api/personnel/leaves", Cadre(user),
            JsonContent.Create(new { firstDay = "2020-01-01", lastDay = "2020-01-02", reason = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("firstDay", body);
        Assert.Contains("reason", body);
    }

    [Fact]
    public async Task A_resident_member_checks_in_once_a_day_and_the_presence_report_counts_it()
    {
        var (team, village) = await TeamAsync();
        var user = $"member-{Guid.NewGuid():N}"[..20];
        var cadre = await _api.RegisterCadreAsync("队员戊", userId: user);
        await _api.AddMemberAsync(team, cadre, "Resident");

        using var first = await _api.SendAsync(HttpMethod.Post, "/api/personnel/attendance/check-ins", Cadre(user), JsonContent.Create(new { note = "入户走访" }));
        using var second = await _api.SendAsync(HttpMethod.Post, "/api/personnel/attendance/check-ins", Cadre(user), JsonContent.Create(new { note = (string?)null }));
        using var notMember = await _api.SendAsync(HttpMethod.Post, "/api/personnel/attendance/check-ins", Cadre("nobody"), JsonContent.Create(new { note = (string?)null }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notMember.StatusCode);
        var report = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/attendance/presence?teamId={team}&region={village}", _api.TownStaff);
        var line = Assert.Single(report.GetProperty("members").EnumerateArray());
        Assert.Equal((1, 5, false), (line.GetProperty("presentDays").GetInt32(), line.GetProperty("requiredDays").GetInt32(), line.GetProperty("meetsPolicy").GetBoolean()));
    }

    [Fact]
    public async Task A_check_in_sent_again_while_the_first_is_on_its_way_is_answered_with_the_first()
    {
        var (team, village) = await TeamAsync();
        var user = $"member-{Guid.NewGuid():N}"[..20];
        await _api.AddMemberAsync(team, await _api.RegisterCadreAsync("队员己", userId: user), "Resident");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await _api.SendAsync(HttpMethod.Post, "/api/personnel/attendance/check-ins", Cadre(user), JsonContent.Create(new { note = "弱信号重发" }));
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        var report = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/attendance/presence?teamId={team}&region={village}", _api.TownStaff);
        Assert.Equal(1, Assert.Single(report.GetProperty("members").EnumerateArray()).GetProperty("presentDays").GetInt32());
    }

    [Fact]
    public async Task A_check_in_keeps_its_position_and_one_far_from_the_village_is_flagged_for_the_supervisor()
    {
        var (team, village) = await TeamAsync();
        await _api.OkAsync(HttpMethod.Put, $"/api/personnel/regions/{village}/location", _api.TownStaff, new { latitude = 25.9500, longitude = 115.4100 });
        var (near, far) = ($"near-{Guid.NewGuid():N}"[..20], $"far-{Guid.NewGuid():N}"[..20]);
        await _api.AddMemberAsync(team, await _api.RegisterCadreAsync("队员近", userId: near), "Resident");
        var farCadre = await _api.RegisterCadreAsync("队员远", userId: far);
        await _api.AddMemberAsync(team, farCadre, "Resident");

        using (var half = await _api.SendAsync(HttpMethod.Post, "/api/personnel/attendance/check-ins", Cadre(near), JsonContent.Create(new { latitude = 25.95 })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
            Assert.True((await half.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("longitude", out _));
        }

        // About 200 m from the village committee, and about 5 km (a phone sure to 100 m does not bring it within 3 km).
        var nearIn = await _api.CreatedAsync("/api/personnel/attendance/check-ins", Cadre(near), new { latitude = 25.9518, longitude = 115.4100, accuracyMeters = 20 });
        var farIn = await _api.CreatedAsync("/api/personnel/attendance/check-ins", Cadre(far), new { latitude = 25.9950, longitude = 115.4100, accuracyMeters = 100, note = "在县城开会" });

        Assert.False(nearIn.GetProperty("farFromVillage").GetBoolean());
        Assert.InRange(nearIn.GetProperty("distanceMeters").GetInt32(), 190, 210);
        Assert.True(farIn.GetProperty("farFromVillage").GetBoolean());
        Assert.InRange(farIn.GetProperty("distanceMeters").GetInt32(), 4900, 5100);
        var flagged = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/attendance/check-ins?region={village}&farOnly=true", _api.TownStaff);
        var line = Assert.Single(flagged.GetProperty("items").EnumerateArray());
        Assert.Equal((farCadre, 25.995, "在县城开会"), (line.GetProperty("cadreId").GetGuid(), line.GetProperty("latitude").GetDouble(), line.GetProperty("note").GetString()));
        var presence = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/attendance/presence?teamId={team}&region={village}", _api.TownStaff);
        Assert.Equal([0, 1], presence.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("farCheckIns").GetInt32()).Order());

        using var badRadius = await _api.SendAsync(HttpMethod.Put, "/api/personnel/policies/3607", _api.Operator, JsonContent.Create(new
        {
            mode = "Double", minResidentSectionLevel = 10, minResidentGeneral = 10, minFullCoverageSectionLevel = 5, minFullCoverageGeneral = 3,
            presenceDays = 5, presencePeriod = "Week", checkInRadiusMeters = 50,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, badRadius.StatusCode);
        Assert.True((await badRadius.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("checkInRadiusMeters", out _));
    }

    private async Task<(Guid Team, string Village)> TeamAsync()
    {
        var village = await _api.NewVillageAsync();
        return (await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市教育局")), village);
    }

    private string Cadre(string userId) => platform.Token(PlatformFixture.Region, Roles.WorkTeam, userId);

    private Task<HttpResponseMessage> Decide(Guid leave, string userId, bool approve) =>
        _api.SendAsync(HttpMethod.Post, $"/api/personnel/leaves/{leave}/decisions", Cadre(userId), JsonContent.Create(new { approve, comment = "同意" }));
}
