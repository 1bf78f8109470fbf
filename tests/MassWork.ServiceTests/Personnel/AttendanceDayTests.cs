namespace MassWork.ServiceTests.Personnel;

/// <summary>
/// Check-in days, presence weeks and leave dates are Shanghai's, with the clock moved across
/// midnight and the Sunday–Monday week boundary. The clock only moves forward: each test goes to
/// the next Sunday after wherever an earlier test left it.
/// </summary>
[Collection(PersonnelCollection.Name)]
public sealed class AttendanceDayTests(PersonnelFixture service)
{
    private static int _nextVillage = 300;

    private string Operator => service.Token("3607", Roles.Operator, "test-operator");

    private string TownStaff => service.Token("360702", Roles.TownStaff, "test-town-staff");

    private string Cadre(string userId) => service.Token("360702", Roles.WorkTeam, userId);

    /// <summary>A resident member of a new village's team (which has a leader to approve leave), known by their login.</summary>
    private async Task<(string User, Guid Team, string Village)> ResidentAsync()
    {
        var village = $"360702001{Interlocked.Increment(ref _nextVillage):D3}";
        await service.SendAsync(HttpMethod.Post, "/api/personnel/regions/import", Operator, new StringContent($"code,name,level,parent_code\n{village},测试村,village,360702001000\n", System.Text.Encoding.UTF8, "text/csv"));
        var unit = (await service.SendAsync(HttpMethod.Post, "/api/personnel/units", Operator, new { name = $"赣州市教育局{Guid.NewGuid():N}"[..20], regionCode = "360702000000" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var team = (await service.SendAsync(HttpMethod.Post, "/api/personnel/teams", TownStaff, new { name = "驻村工作队", unitId = unit, villageCode = village }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var user = $"member-{Guid.NewGuid():N}"[..20];
        var cadre = (await service.SendAsync(HttpMethod.Post, "/api/personnel/cadres", TownStaff, new { name = "队员戊", phone = "13907971234", rank = "General", position = "科员", regionCode = "360702001000", userId = user }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await service.SendAsync(HttpMethod.Post, $"/api/personnel/teams/{team}/members", TownStaff, new { cadreId = cadre, role = "Resident", groupIds = Array.Empty<Guid>() });
        var leader = (await service.SendAsync(HttpMethod.Post, "/api/personnel/cadres", TownStaff, new { name = "队长甲", phone = "13907971235", rank = "SectionLevel", position = "队长", regionCode = "360702001000", userId = $"leader-{user}" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await service.SendAsync(HttpMethod.Post, $"/api/personnel/teams/{team}/members", TownStaff, new { cadreId = leader, role = "Leader", groupIds = Array.Empty<Guid>() });
        return (user, team, village);
    }

    /// <summary>Moves the clock forward to the next Sunday (Shanghai) at the given time.</summary>
    private DateTimeOffset NextSundayAt(TimeSpan time)
    {
        var today = ChinaTime.Today(service.Clock);
        var sunday = today.AddDays(((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7 + 7);
        var at = new DateTimeOffset(sunday.ToDateTime(TimeOnly.MinValue) + time, TimeSpan.FromHours(8));
        service.SetClock(at);
        return at;
    }

    private async Task<JsonElement> CheckInAsync(string user, HttpStatusCode expected) =>
        await service.SendAsync(HttpMethod.Post, "/api/personnel/attendance/check-ins", Cadre(user), new { note = "入户走访" }, expected);

    private async Task<int> PresentDaysAsync(Guid team, string village, DateOnly day) =>
        (await service.SendAsync(HttpMethod.Get, $"/api/personnel/attendance/presence?teamId={team}&region={village}&date={day:yyyy-MM-dd}", TownStaff))
            .GetProperty("members").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "Resident").GetProperty("presentDays").GetInt32();

    [Fact]
    public async Task Check_ins_either_side_of_Sunday_midnight_fall_on_two_days_in_two_weeks()
    {
        var (user, team, village) = await ResidentAsync();
        var sunday = NextSundayAt(new TimeSpan(23, 59, 30));

        var late = await CheckInAsync(user, HttpStatusCode.Created);
        service.SetClock(sunday.AddMinutes(1));
        var early = await CheckInAsync(user, HttpStatusCode.Created);
        service.SetClock(sunday.AddHours(2));
        var again = await CheckInAsync(user, HttpStatusCode.OK);

        var sundayDate = DateOnly.FromDateTime(sunday.Date);
        Assert.Equal(sundayDate, DateOnly.Parse(late.GetProperty("day").GetString()!));
        Assert.Equal(sundayDate.AddDays(1), DateOnly.Parse(early.GetProperty("day").GetString()!));
        Assert.True(again.GetProperty("alreadyCheckedIn").GetBoolean());
        Assert.Equal(1, await PresentDaysAsync(team, village, sundayDate));
        Assert.Equal(1, await PresentDaysAsync(team, village, sundayDate.AddDays(1)));
    }

    [Fact]
    public async Task Leave_may_start_today_in_Shanghai_even_while_it_is_still_yesterday_in_UTC()
    {
        var (user, _, _) = await ResidentAsync();
        var monday = NextSundayAt(new TimeSpan(24, 0, 30));
        var today = DateOnly.FromDateTime(monday.Date);

        await service.SendAsync(HttpMethod.Post, "/api/personnel/leaves", Cadre(user), new { firstDay = today, lastDay = today, reason = "母亲住院陪护" }, HttpStatusCode.Created);
        var refused = await service.SendAsync(HttpMethod.Post, "/api/personnel/leaves", Cadre(user),
            new { firstDay = today.AddDays(-1), lastDay = today, reason = "母亲住院陪护" }, HttpStatusCode.BadRequest);

        Assert.True(refused.GetProperty("errors").TryGetProperty("firstDay", out _));
    }
}
