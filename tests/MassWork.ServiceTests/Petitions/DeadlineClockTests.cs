namespace MassWork.ServiceTests.Petitions;

/// <summary>
/// Deadlines with the service's clock moved by the test: days counted in Shanghai across midnight
/// and public holidays, and the sweeper raising each limit once as the clock reaches it.
/// Only this class sets the clock to fixed dates; the others move it forward from wherever it is.
/// </summary>
[Collection(PetitionsCollection.Name)]
public sealed class DeadlineClockTests(PetitionsFixture service)
{
    private const string Village = "360702001201";

    private string Town => service.Token(Village[..9], Roles.TownStaff, "town-clerk");

    /// <summary>A new matter from a new petitioner (the same one twice would be a repeat, not accepted).</summary>
    private async Task<JsonElement> RegisterAsync() =>
        await service.SendAsync(HttpMethod.Post, "/api/petitions/cases", Town, new
        {
            channel = "WalkIn", matterType = "Request", categoryCode = "social-security", regionCode = Village,
            petitioner = new { name = "刘建国", phone = $"138{Random.Shared.Next(0, 100_000_000):D8}" }, content = "养老金三个月未到账，请求核查补发",
        }, HttpStatusCode.Created);

    private Task<JsonElement> StepAsync(Guid id, string step, object? body = null) =>
        service.SendAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/{step}", Town, body ?? new { });

    private static DateTimeOffset Due(JsonElement c, string kind) =>
        c.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == kind).GetProperty("dueAt").GetDateTimeOffset();

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Fact]
    public async Task Days_count_in_Shanghai_across_midnight_and_the_National_Day_holiday()
    {
        Assert.True(service.Clock.GetUtcNow() < Shanghai(2026, 9, 30, 10), "another test moved the clock past 30 September 2026");

        // Assigned on the eve of the holiday: the 5 working days to object skip 1–7 October and count Saturday 10 October, a swapped working day.
        service.SetClock(Shanghai(2026, 9, 30, 10));
        var assigned = (await RegisterAsync()).GetProperty("id").GetGuid();
        var objection = await StepAsync(assigned, "assign", new { kind = "Region", code = Village[..9] + "000" });
        Assert.Equal(Shanghai(2026, 10, 14), Due(objection, "Objection"));

        // Half a minute after midnight in Shanghai it is still 30 September in UTC: the day is Shanghai's.
        service.SetClock(Shanghai(2026, 10, 1, 0, 0, 30));
        var registered = await RegisterAsync();
        Assert.Contains("-20261001-", registered.GetProperty("number").GetString());
        Assert.Equal(Shanghai(2026, 10, 9), Due(registered, "ProgressCallBack"));
    }

    [Fact]
    public async Task A_limit_is_announced_once_when_near_and_once_when_missed_as_the_clock_reaches_it()
    {
        var id = (await RegisterAsync()).GetProperty("id").GetGuid();
        var registered = await service.SendAsync(HttpMethod.Get, $"/api/petitions/cases/{id}", Town);
        var due = Due(registered, "ProgressCallBack");
        var warnAt = due - TimeSpan.FromDays(1);

        service.SetClock(warnAt - TimeSpan.FromSeconds(1));
        await service.Sweeper.SweepOnceAsync(CancellationToken.None);
        Assert.Equal(0, await service.EventsAsync(id, "PetitionDeadlineApproaching"));

        service.SetClock(warnAt);
        await service.Sweeper.SweepOnceAsync(CancellationToken.None);
        await service.Sweeper.SweepOnceAsync(CancellationToken.None);
        Assert.Equal(1, await service.EventsAsync(id, "PetitionDeadlineApproaching"));
        Assert.Equal(0, await service.EventsAsync(id, "PetitionDeadlineMissed"));

        service.SetClock(due);
        await service.Sweeper.SweepOnceAsync(CancellationToken.None);
        await service.Sweeper.SweepOnceAsync(CancellationToken.None);
        Assert.Equal(1, await service.EventsAsync(id, "PetitionDeadlineMissed"));
        Assert.Equal(1, await service.EventsAsync(id, "PetitionDeadlineApproaching"));
        var missed = await service.SendAsync(HttpMethod.Get, $"/api/petitions/cases/{id}", Town);
        Assert.True(missed.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "ProgressCallBack").GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task An_objection_window_that_lapses_is_not_warned_of_nor_announced_as_missed_nor_overdue()
    {
        var id = (await RegisterAsync()).GetProperty("id").GetGuid();
        var due = Due(await StepAsync(id, "assign", new { kind = "Region", code = Village[..9] + "000" }), "Objection");

        foreach (var at in new[] { due - TimeSpan.FromDays(1), due })
        {
            service.SetClock(at);
            await service.Sweeper.SweepOnceAsync(CancellationToken.None);
        }

        // The holder simply may no longer object: nobody is urged, nothing goes to 督办.
        Assert.Equal(0, await service.DeadlineEventsAsync(id, "Objection"));
        var after = await service.SendAsync(HttpMethod.Get, $"/api/petitions/cases/{id}", Town);
        var window = after.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Objection");
        Assert.Equal((false, true, true), (window.GetProperty("overdue").GetBoolean(), window.GetProperty("cancelled").GetBoolean(), window.GetProperty("lapsed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("supervisedAt").ValueKind);
        await service.SendAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/object", Town, new { reason = "不属于本机关职责" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_call_back_made_before_its_limit_is_never_announced_as_missed()
    {
        var id = (await RegisterAsync()).GetProperty("id").GetGuid();
        var due = Due(await service.SendAsync(HttpMethod.Get, $"/api/petitions/cases/{id}", Town), "ProgressCallBack");

        service.SetClock(due - TimeSpan.FromMinutes(1));
        await StepAsync(id, "progress-call-backs", new { note = "已电话告知已登记并交办" });
        service.SetClock(due + TimeSpan.FromDays(1));
        await service.Sweeper.SweepOnceAsync(CancellationToken.None);

        Assert.Equal(0, await service.EventsAsync(id, "PetitionDeadlineMissed"));
        var c = await service.SendAsync(HttpMethod.Get, $"/api/petitions/cases/{id}", Town);
        Assert.False(c.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "ProgressCallBack").GetProperty("overdue").GetBoolean());
    }
}
