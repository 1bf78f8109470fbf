using Npgsql;

namespace MassWork.IntegrationTests;

/// <summary>
/// The sweeper runs every second here (Petitions:SweepInterval); a test moves a case's deadline to
/// a moment relative to the platform's clock. That an event is announced only once, or never, is
/// checked after a second case's deadline, due later, has been announced: the sweeper has then
/// swept past the first one's moment.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PetitionDeadlineTests(PlatformFixture platform)
{
    private readonly PetitionsApi _api = new(platform);

    /// <summary>Moves a deadline relative to the platform's clock; returns the moment it is now due.</summary>
    private async Task<DateTimeOffset> ShiftAsync(Guid caseId, string kind, TimeSpan warnIn, TimeSpan dueIn)
    {
        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("petitionsdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE case_deadlines SET warn_at = @warn, due_at = @due WHERE case_id = @id AND kind = @kind AND met_at IS NULL AND cancelled_at IS NULL", connection);
        var now = platform.Clock.GetUtcNow();
        command.Parameters.AddWithValue("warn", now + warnIn);
        command.Parameters.AddWithValue("due", now + dueIn);
        command.Parameters.AddWithValue("id", caseId);
        command.Parameters.AddWithValue("kind", kind);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        return now + dueIn;
    }

    /// <summary>A second accepted case whose handling limit runs out just after <paramref name="moment"/>; returns once its miss is announced.</summary>
    private async Task SweptPastAsync(DateTimeOffset moment)
    {
        var (later, _, _) = await _api.AcceptedCaseAsync();
        var dueIn = moment + TimeSpan.FromSeconds(1) - platform.Clock.GetUtcNow();
        await ShiftAsync(later, "Resolve", dueIn - TimeSpan.FromMinutes(10), dueIn);
        await Eventually.HoldsAsync(async () => await _api.EventsAsync(later, "PetitionDeadlineMissed") == 1, TimeSpan.FromSeconds(30),
            "a later case's missed deadline, announced after the sweeper passed the first one's");
    }

    [Fact]
    public async Task A_missed_handling_limit_is_announced_once_and_puts_the_case_under_supervision()
    {
        var (id, village, _) = await _api.AcceptedCaseAsync();
        await ShiftAsync(id, "Resolve", TimeSpan.FromMinutes(-10), TimeSpan.FromMinutes(-1));

        await Eventually.HoldsAsync(async () => await _api.EventsAsync(id, "PetitionDeadlineMissed") == 1, TimeSpan.FromSeconds(20), "the missed deadline is announced");
        await SweptPastAsync(platform.Clock.GetUtcNow());

        Assert.Equal(1, await _api.EventsAsync(id, "PetitionDeadlineMissed"));
        Assert.Equal(0, await _api.EventsAsync(id, "PetitionDeadlineApproaching"));
        var c = await _api.GetAsync(id, _api.Town(village));
        Assert.NotEqual(JsonValueKind.Null, c.GetProperty("supervisedAt").ValueKind);
        Assert.Contains("Supervise", PetitionsApi.Actions(c));
        Assert.Contains(c.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "Resolve" && d.GetProperty("overdue").GetBoolean());
        Assert.Equal(1, await platform.CountAsync("petitionsdb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE 'MassWork.Contracts.Petitions.V1.PetitionDeadlineMissed,%' AND payload->>'supervised' = 'true'",
            ("id", id.ToString())));

        var overdue = await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/ledger?region={village}&overdue=true&supervised=true", _api.Town(village));
        Assert.Equal(id, Assert.Single(overdue.GetProperty("lines").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_approaching_call_back_is_announced_once_and_meeting_it_stops_the_miss()
    {
        var (household, village) = await _api.HouseholdAsync();
        var town = _api.Town(village);
        var id = (await _api.RequestCase(household, town)).GetProperty("id").GetGuid();
        var due = await ShiftAsync(id, "ProgressCallBack", TimeSpan.FromMinutes(-1), TimeSpan.FromSeconds(12));

        await Eventually.HoldsAsync(async () => await _api.EventsAsync(id, "PetitionDeadlineApproaching") == 1, TimeSpan.FromSeconds(20), "the approaching call-back is announced");
        await _api.StepAsync(id, "progress-call-backs", town, new { note = "已电话告知已登记并交办" });

        // Past the moment the limit would have run out: met in time, it is never announced as missed.
        await SweptPastAsync(due);

        Assert.Equal(1, await _api.EventsAsync(id, "PetitionDeadlineApproaching"));
        Assert.Equal(0, await _api.EventsAsync(id, "PetitionDeadlineMissed"));
    }

    [Fact]
    public async Task The_policy_is_stored_per_city_and_an_invalid_one_is_refused_by_field()
    {
        var op = platform.Token("3607", Roles.Operator, "op");
        var policy = await _api.Personnel.OkAsync(HttpMethod.Get, "/api/petitions/policy/3607", op);
        Assert.Equal(60, policy.GetProperty("resolve").GetProperty("amount").GetInt32());
        Assert.Equal("WorkingDays", policy.GetProperty("objection").GetProperty("unit").GetString());

        using var invalid = await _api.Personnel.SendAsync(HttpMethod.Put, "/api/petitions/policy/3607", op,
            new StringContent(policy.GetRawText().Replace("\"amount\":60", "\"amount\":0"), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("resolve", out _));

        using var byTown = await _api.Personnel.SendAsync(HttpMethod.Put, "/api/petitions/policy/3607", platform.Token("360702", Roles.TownStaff),
            new StringContent(policy.GetRawText(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, byTown.StatusCode);
    }

    [Fact]
    public async Task The_2026_calendar_holds_the_Spring_Festival_and_its_swapped_Saturdays()
    {
        var year = await _api.Personnel.OkAsync(HttpMethod.Get, "/api/petitions/calendar/2026", platform.Token());
        var days = year.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("day").GetString()!, d => d.GetProperty("working").GetBoolean());

        Assert.False(days["2026-02-17"]);
        Assert.True(days["2026-02-14"]);
        Assert.True(days["2026-02-28"]);

        using var bad = await _api.Personnel.SendAsync(HttpMethod.Put, "/api/petitions/calendar/2027", platform.Token("3607", Roles.Operator, "op"),
            new StringContent("day,working,name\n2027-13-01,false,错\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("line 2", await bad.Content.ReadAsStringAsync());
    }
}
