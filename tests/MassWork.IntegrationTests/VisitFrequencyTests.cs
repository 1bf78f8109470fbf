using MassWork.Contracts.Personnel.V1;

namespace MassWork.IntegrationTests;

/// <summary>
/// The visiting frequency through the gateway: the city's policy, quarterly analysis meetings
/// (民情分析联席会) and the overdue list, and the sweeper (every second here) raising each reminder
/// once. The platform's clock stands in June 2026, so the year judged overdue is 2025 and the
/// quarter 2026Q1: pairings are announced as personnel would have announced them then. That a
/// reminder is raised only once is checked after a later subject's reminder has been raised: the
/// sweeper has then swept again past the first.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VisitFrequencyTests(PlatformFixture platform)
{
    private const string Meetings = "/api/visits/meetings";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    private readonly PersonnelApi _api = new(platform);

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static string NewPhone() => $"136{Random.Shared.Next(0, 100_000_000):D8}";

    private string Town(string village) => platform.Token(village[..9], Roles.TownStaff, "meeting-clerk");

    private string Operator(string region = "3607") => platform.Token(region, Roles.Operator, "frequency-operator");

    [Fact]
    public async Task The_policy_is_stored_per_city_and_negative_or_absurd_figures_are_refused_by_field()
    {
        var policy = await _api.OkAsync(HttpMethod.Get, "/api/visits/policy/3607", platform.Token());
        Assert.Equal((3, 10, 5, 1, 30), (policy.GetProperty("householdContactsPerYear").GetInt32(), policy.GetProperty("sectionLevelVillageDays").GetInt32(),
            policy.GetProperty("generalVillageDays").GetInt32(), policy.GetProperty("meetingsPerQuarter").GetInt32(), policy.GetProperty("dueSoonDays").GetInt32()));

        foreach (var (body, field) in new (string Body, string Field)[]
        {
            ("""{"householdContactsPerYear":-1}""", "householdContactsPerYear"),
            ("""{"sectionLevelVillageDays":400}""", "sectionLevelVillageDays"),
            ("""{"generalVillageDays":0}""", "generalVillageDays"),
            ("""{"meetingsPerQuarter":100}""", "meetingsPerQuarter"),
            ("""{"dueSoonDays":365}""", "dueSoonDays"),
            ("""{"householdContactsPerYear":"three"}""", "$.householdContactsPerYear"),
        })
        {
            using var response = await PutPolicyAsync("3608", Operator("36"), body);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        }

        Assert.Equal(3, (await _api.OkAsync(HttpMethod.Get, "/api/visits/policy/3608", platform.Token("3608"))).GetProperty("householdContactsPerYear").GetInt32());

        // A county's leader may not set the city's figures; town staff may not set any.
        using var byCounty = await PutPolicyAsync("3608", platform.Token("360702", Roles.Leader, "county-leader"), """{"householdContactsPerYear":4}""");
        Assert.Equal(HttpStatusCode.Forbidden, byCounty.StatusCode);
        Assert.Contains("cityCode", (await byCounty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        using var byTown = await PutPolicyAsync("3607", platform.Token(), """{"householdContactsPerYear":4}""");
        Assert.Equal(HttpStatusCode.Forbidden, byTown.StatusCode);
        using var badCity = await PutPolicyAsync("36x8", Operator("36"), """{"householdContactsPerYear":4}""");
        Assert.Equal(HttpStatusCode.BadRequest, badCity.StatusCode);

        // Another city's figures, so the sweeper's judgement of 3607 in the other tests stays the default.
        using var stored = await PutPolicyAsync("3608", Operator("3608"), """{"householdContactsPerYear":4,"sectionLevelVillageDays":12,"generalVillageDays":6,"meetingsPerQuarter":2,"dueSoonDays":45}""");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var read = await _api.OkAsync(HttpMethod.Get, "/api/visits/policy/3608", platform.Token("3608"));
        Assert.Equal((4, 12, 6, 2, 45), (read.GetProperty("householdContactsPerYear").GetInt32(), read.GetProperty("sectionLevelVillageDays").GetInt32(),
            read.GetProperty("generalVillageDays").GetInt32(), read.GetProperty("meetingsPerQuarter").GetInt32(), read.GetProperty("dueSoonDays").GetInt32()));
        Assert.Equal(3, (await _api.OkAsync(HttpMethod.Get, "/api/visits/policy/3607", platform.Token())).GetProperty("householdContactsPerYear").GetInt32());
    }

    [Fact]
    public async Task A_meeting_is_recorded_read_and_listed_and_a_village_without_one_in_a_quarter_is_overdue_once()
    {
        var (held, missed) = (await _api.NewVillageAsync(), await _api.NewVillageAsync());
        var cadre = await _api.RegisterCadreAsync("钟文华", phone: NewPhone());
        var (heldHousehold, missedHousehold) = (await _api.RegisterHouseholdAsync(held, "赖桂香"), await _api.RegisterHouseholdAsync(missed, "谢春生"));
        await WaitAsync("visitsdb", "SELECT count(*) FROM households WHERE id = ANY(@ids)", "the households", 2, ("ids", new[] { heldHousehold, missedHousehold }));
        await WaitAsync("visitsdb", "SELECT count(*) FROM cadres WHERE id = @id", "the cadre", 1, ("id", cadre));

        // The meeting of the first village's first quarter, recorded before its pairing is known, so no sweep ever saw it owing.
        var recorded = await _api.CreatedAsync(Meetings, Town(held), new
        {
            villageCode = held, heldOn = "2026-03-20", attendeeIds = new[] { cadre },
            decisions = new[] { "三组灌溉水渠列入本季度为民办实事" }, followUps = new[] { new { task = "联系水利站勘查水渠", ownerCadreId = cadre, dueOn = "2026-04-10" } },
        });
        var id = recorded.GetProperty("id").GetGuid();
        Assert.Equal(("2026-03-20", "钟文华", "钟文华"), (recorded.GetProperty("heldOn").GetString(), recorded.GetProperty("attendees")[0].GetProperty("name").GetString(),
            recorded.GetProperty("followUps")[0].GetProperty("owner").GetProperty("name").GetString()));
        Assert.EndsWith("+08:00", recorded.GetProperty("recordedAt").GetString());
        Assert.Equal(recorded.ToString(), (await _api.OkAsync(HttpMethod.Get, $"{Meetings}/{id}", Town(held))).ToString());
        Assert.Equal(id, Assert.Single((await _api.OkAsync(HttpMethod.Get, $"{Meetings}?village={held}", Town(held))).GetProperty("meetings").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, (await _api.OkAsync(HttpMethod.Get, $"{Meetings}?village={held}&from=2026-04-01", Town(held))).GetProperty("total").GetInt64());
        using var elsewhere = await _api.SendAsync(HttpMethod.Get, $"{Meetings}/{id}", platform.Token(PlatformFixture.OtherRegion));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        await PairedSinceAsync(cadre, heldHousehold, held, Shanghai(2025, 3, 1));
        await PairedSinceAsync(cadre, missedHousehold, missed, Shanghai(2025, 3, 1));
        await WaitAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @v AND message_type LIKE 'MassWork.Contracts.Visits.V1.MeetingOverdue,%' AND payload->>'quarter' = '1'",
            "the second village's missed meeting announced", 1, ("v", missed));

        var owing = await _api.OkAsync(HttpMethod.Get, $"{Meetings}/overdue?quarter=2026Q1&region={missed[..9]}", Town(missed));
        Assert.True(owing.GetProperty("overdue").GetBoolean());
        Assert.Equal(("2026-01-01", "2026-03-31"), (owing.GetProperty("firstDay").GetString(), owing.GetProperty("lastDay").GetString()));
        var villages = owing.GetProperty("villages").EnumerateArray().Select(v => v.GetProperty("villageCode").GetString()).ToList();
        Assert.Contains(missed, villages);
        Assert.DoesNotContain(held, villages);
        var line = owing.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageCode").GetString() == missed);
        Assert.Equal((1, 0), (line.GetProperty("required").GetInt32(), line.GetProperty("held").GetInt32()));
        var current = await _api.OkAsync(HttpMethod.Get, $"{Meetings}/overdue?quarter=2026Q2&region={missed}", Town(missed));
        Assert.False(current.GetProperty("overdue").GetBoolean());
        Assert.Equal(missed, Assert.Single(current.GetProperty("villages").EnumerateArray()).GetProperty("villageCode").GetString());

        // A later village's miss announced means the sweeper swept again past both: still once for the one, never for the other.
        var later = await _api.NewVillageAsync();
        var laterHousehold = await _api.RegisterHouseholdAsync(later, "刘春华");
        await WaitAsync("visitsdb", "SELECT count(*) FROM households WHERE id = @id", "the later household", 1, ("id", laterHousehold));
        await PairedSinceAsync(cadre, laterHousehold, later, Shanghai(2026, 2, 1));
        await WaitAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @v AND message_type LIKE 'MassWork.Contracts.Visits.V1.MeetingOverdue,%'",
            "the later village's missed meeting announced", 1, ("v", later));
        Assert.Equal(1, await MeetingOverduesAsync(missed));
        Assert.Equal(0, await MeetingOverduesAsync(held));
    }

    [Fact]
    public async Task A_meeting_in_the_future_with_unknown_attendees_or_another_villages_demands_is_refused_by_field_and_stores_nothing()
    {
        var village = await _api.NewVillageAsync();
        var cadre = await _api.RegisterCadreAsync("钟文华", phone: NewPhone());
        var household = await _api.RegisterHouseholdAsync(village, "赖桂香");
        await WaitAsync("visitsdb", "SELECT count(*) FROM households WHERE id = @id", "the household", 1, ("id", household));
        await PairedSinceAsync(cadre, household, village, Shanghai(2026, 5, 1));
        var visit = await _api.CreatedAsync("/api/visits/visits", Town(village), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = platform.Clock.GetUtcNow(), mode = "Home", cadreIds = new[] { cadre }, householdIds = new[] { household },
            demands = new[] { new { categoryCode = "roads-irrigation", matterType = "Request", content = "三组灌溉水渠堵塞，请求疏通" } },
        });
        var demand = visit.GetProperty("demands")[0].GetProperty("id").GetGuid();
        var today = ChinaTime.Today(platform.Clock);
        var elsewhere = await _api.NewVillageAsync();

        var cases = new (object Body, string Field)[]
        {
            (new { villageCode = village, heldOn = today.AddDays(1), attendeeIds = new[] { cadre } }, "heldOn"),
            (new { villageCode = village, heldOn = today, attendeeIds = new[] { Guid.NewGuid() } }, "attendeeIds[0]"),
            (new { villageCode = village, heldOn = today, attendeeIds = Array.Empty<Guid>() }, "attendeeIds"),
            (new { villageCode = elsewhere, heldOn = today, attendeeIds = new[] { cadre }, demandIds = new[] { demand } }, "demandIds[0]"),
            (new { villageCode = village, heldOn = today, attendeeIds = new[] { cadre }, followUps = new[] { new { task = "回访", ownerCadreId = Guid.NewGuid() } } }, "followUps[0].ownerCadreId"),
            (new { villageCode = "36070200", heldOn = today, attendeeIds = new[] { cadre } }, "villageCode"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await _api.SendAsync(HttpMethod.Post, Meetings, Town(village), JsonContent.Create(body));
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        }

        using var outside = await _api.SendAsync(HttpMethod.Post, Meetings, platform.Token(PlatformFixture.OtherRegion), JsonContent.Create(new { villageCode = village, heldOn = today, attendeeIds = new[] { cadre } }));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM analysis_meetings WHERE village_code IN (@v, @e)", ("v", village), ("e", elsewhere)));

        var discussed = await _api.CreatedAsync(Meetings, Town(village), new { villageCode = village, heldOn = today, attendeeIds = new[] { cadre }, demandIds = new[] { demand } });
        var line = Assert.Single(discussed.GetProperty("demands").EnumerateArray());
        Assert.Equal((demand, "三组灌溉水渠堵塞，请求疏通"), (line.GetProperty("id").GetGuid(), line.GetProperty("content").GetString()));

        foreach (var (query, field) in new[] { ("quarter=2026Q3", "quarter"), ("quarter=2026-1", "quarter"), ("quarter=2026Q1&region=3607x", "region") })
        {
            using var response = await _api.SendAsync(HttpMethod.Get, $"{Meetings}/overdue?{query}", Town(village));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }

        using var otherRegion = await _api.SendAsync(HttpMethod.Get, $"{Meetings}/overdue?quarter=2026Q1&region=360703", Town(village));
        Assert.Equal(HttpStatusCode.Forbidden, otherRegion.StatusCode);
    }

    [Fact]
    public async Task A_year_behind_sends_the_cadre_exactly_one_SMS_per_reminder_and_lines_for_the_team_leaders_digest()
    {
        var village = await _api.NewVillageAsync();
        var phone = NewPhone();
        var cadre = await _api.RegisterCadreAsync("钟文华", phone: phone);
        var household = await _api.RegisterHouseholdAsync(village, "赖桂香");
        var leader = await _api.RegisterCadreAsync("刘建军", rank: "SectionLevel", phone: NewPhone());
        await _api.AddMemberAsync(await _api.CreateTeamAsync(village, await _api.CreateUnitAsync("赣州市水利局")), leader, "Leader");
        await WaitAsync("visitsdb", "SELECT count(*) FROM households WHERE id = @id", "the household", 1, ("id", household));
        await WaitAsync("notificationsdb", "SELECT count(*) FROM team_members WHERE cadre_id = @c AND village_code = @v AND role = 'Leader' AND joined_at IS NOT NULL",
            "the village's team leader", 1, ("c", leader), ("v", village));

        // The visit is made with a colleague paired with the household, and the cadre's own pairing is announced after it, so
        // no sweep judges the cadre before the visit is in. Paired from 1 July 2025 and visited once that year: 184 of 365 days
        // owe ceil(3 × 184 / 365) = 2 contacts and ceil(5 × 184 / 365) = 3 days in the village.
        var colleague = await _api.RegisterCadreAsync("曾志强", phone: NewPhone());
        await PairedSinceAsync(colleague, household, village, Shanghai(2025, 7, 1, 9));
        await WaitAsync("visitsdb", "SELECT count(*) FROM cadres WHERE id = @id", "the cadre", 1, ("id", cadre));
        await _api.CreatedAsync("/api/visits/visits", Town(village), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = Shanghai(2025, 7, 10, 10), mode = "Home", cadreIds = new[] { cadre, colleague }, householdIds = new[] { household },
        });
        await PairedSinceAsync(cadre, household, village, Shanghai(2025, 7, 1, 9));

        await Eventually.HoldsAsync(async () => (await SimulatedAsync(phone)).Length == 2, Wait, "the cadre's two reminders through the simulator");
        var overdue = await ReminderAsync(cadre, "HouseholdContacts");
        Assert.Equal((household, 2025, 2, 1), (overdue.GetProperty("householdId").GetGuid(), overdue.GetProperty("year").GetInt32(),
            overdue.GetProperty("required").GetInt32(), overdue.GetProperty("done").GetInt32()));
        var days = await ReminderAsync(cadre, "VillageDays");
        Assert.Equal((3, 1), (days.GetProperty("required").GetInt32(), days.GetProperty("done").GetInt32()));

        // A later cadre's reminder announced means the sweeper swept past the first again.
        var laterCadre = await _api.RegisterCadreAsync("谢春生", phone: NewPhone());
        var laterHousehold = await _api.RegisterHouseholdAsync(village, "曾凡英");
        await WaitAsync("visitsdb", "SELECT count(*) FROM households WHERE id = @id", "the later household", 1, ("id", laterHousehold));
        await PairedSinceAsync(laterCadre, laterHousehold, village, Shanghai(2025, 9, 1));
        await WaitAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @c AND message_type LIKE 'MassWork.Contracts.Visits.V1.VisitOverdue,%'",
            "the later cadre's reminders", 2, ("c", laterCadre.ToString()));

        var sent = await SimulatedAsync(phone);
        Assert.Equal(["village-days-overdue", "visit-contacts-overdue"], sent.Select(m => m.GetProperty("templateCode").GetString()).Order(StringComparer.Ordinal));
        var text = (await _api.OkAsync(HttpMethod.Get, $"/api/notifications/messages?phone={phone}", Operator())).GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("templateCode").GetString() == "visit-contacts-overdue").GetProperty("text").GetString();
        Assert.Contains("2025年走访1次，未达到2次的要求", text);
        Assert.Equal(2, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @c AND message_type LIKE 'MassWork.Contracts.Visits.V1.Visit%'",
            ("c", cadre.ToString())));
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @c AND payload::text LIKE '%' || @p || '%'",
            ("c", cadre.ToString()), ("p", phone)));

        // The team leader's week: the three cadres' contacts and days overdue, and the village's 2026Q1 meeting, a line each.
        await WaitAsync("notificationsdb", "SELECT count(*) FROM digest_items WHERE village_code = @v AND digested_at IS NULL", "the digest lines", 7, ("v", village));
        Assert.Equal(3, await platform.CountAsync("notificationsdb", "SELECT count(*) FROM digest_items WHERE village_code = @v AND kind = 'ContactsOverdue'", ("v", village)));
        Assert.Equal(3, await platform.CountAsync("notificationsdb", "SELECT count(*) FROM digest_items WHERE village_code = @v AND kind = 'VillageDays'", ("v", village)));
        Assert.Equal(1, await platform.CountAsync("notificationsdb", "SELECT count(*) FROM digest_items WHERE village_code = @v AND kind = 'MeetingOverdue'", ("v", village)));
    }

    [Fact]
    public async Task A_cadre_and_a_village_see_each_paired_household_s_contacts_owed_and_done_the_most_behind_first()
    {
        var village = await _api.NewVillageAsync();
        var login = $"due-cadre-{Guid.NewGuid():N}"[..20];
        var cadre = await _api.RegisterCadreAsync("钟文华", userId: login, phone: NewPhone());
        var visited = await _api.RegisterHouseholdAsync(village, "赖桂香");
        var waiting = await _api.RegisterHouseholdAsync(village, "曾凡英");
        foreach (var household in new[] { visited, waiting })
        {
            await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });
        }

        await WaitAsync("visitsdb", "SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.cadre_id = @c",
            "the pairings, households and cadre", 2, ("c", cadre));
        var now = platform.Clock.GetUtcNow();
        await _api.CreatedAsync("/api/visits/visits", Town(village), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = now, mode = "Home", cadreIds = new[] { cadre }, householdIds = new[] { visited },
        });
        // A second visit the same day is the same contact.
        await _api.CreatedAsync("/api/visits/visits", Town(village), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = now.AddMinutes(1), mode = "Phone", cadreIds = new[] { cadre }, householdIds = new[] { visited },
        });

        // Paired from today (June 2026) to the year's end: ceil(3 × days paired / 365) contacts.
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var required = (3 * (new DateOnly(2026, 12, 31).DayNumber - today.DayNumber + 1) + 364) / 365;
        var list = await _api.OkAsync(HttpMethod.Get, $"/api/visits/due?village={village}", Town(village));
        Assert.Equal((2026, 2, 2), (list.GetProperty("year").GetInt32(), list.GetProperty("total").GetInt32(), list.GetProperty("behind").GetInt32()));
        var lines = list.GetProperty("lines").EnumerateArray().ToArray();
        Assert.Equal([waiting, visited], lines.Select(l => l.GetProperty("householdId").GetGuid()));
        Assert.Equal(("曾凡英", required, 0, "Owed"), (lines[0].GetProperty("headName").GetString(), lines[0].GetProperty("required").GetInt32(),
            lines[0].GetProperty("done").GetInt32(), lines[0].GetProperty("standing").GetString()));
        Assert.Equal((1, "钟文华"), (lines[1].GetProperty("done").GetInt32(), lines[1].GetProperty("cadreName").GetString()));
        Assert.EndsWith("+08:00", lines[1].GetProperty("lastVisitedAt").GetString());

        // The cadre on their phone, with no filter: their own households, the same figures.
        var own = await _api.OkAsync(HttpMethod.Get, "/api/visits/due", platform.Token(village, Roles.WorkTeam, login));
        Assert.Equal(2, own.GetProperty("total").GetInt32());
        var byCadre = await _api.OkAsync(HttpMethod.Get, $"/api/visits/due?cadre={cadre}&year=2025", Town(village));
        Assert.Equal(0, byCadre.GetProperty("total").GetInt32());

        // Bad filters name their field; another district's village is refused.
        foreach (var (query, field) in new[] { ("year=1999", "year"), ("year=2027", "year"), ("village=12ab", "village"), ("", "cadre"), ($"village={village}&cadre={cadre}", "village") })
        {
            using var bad = await _api.SendAsync(HttpMethod.Get, $"/api/visits/due?{query}", Town(village));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }

        using var outside = await _api.SendAsync(HttpMethod.Get, "/api/visits/due?village=360731105201", Town(village));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }

    private async Task<HttpResponseMessage> PutPolicyAsync(string city, string token, string body) =>
        await _api.SendAsync(HttpMethod.Put, $"/api/visits/policy/{city}", token, new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Announces a pairing as personnel would have when it started, then waits for the visits read model to hold it.</summary>
    private async Task PairedSinceAsync(Guid cadre, Guid household, string village, DateTimeOffset startedAt)
    {
        var pairing = Guid.NewGuid();
        await platform.PublishAsync(new PairingStarted(pairing, "FullCoverage", startedAt, household, Households.NewNumber(), village, "户主", [], cadre, "干部", null, null), Guid.NewGuid());
        await WaitAsync("visitsdb", "SELECT count(*) FROM pairings WHERE id = @id", "the pairing", 1, ("id", pairing));
    }

    private async Task<JsonElement> ReminderAsync(Guid cadre, string kind)
    {
        var payload = await platform.CountAsync("visitsdb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @c AND message_type LIKE 'MassWork.Contracts.Visits.V1.VisitOverdue,%' AND payload->>'kind' = @k",
            ("c", cadre.ToString()), ("k", kind));
        Assert.Equal(1, payload);
        await using var connection = new Npgsql.NpgsqlConnection(platform.DatabaseConnectionString("visitsdb"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT payload::text FROM outbox_messages WHERE aggregate_id = @c AND message_type LIKE 'MassWork.Contracts.Visits.V1.VisitOverdue,%' AND payload->>'kind' = @k", connection);
        command.Parameters.AddWithValue("c", cadre.ToString());
        command.Parameters.AddWithValue("k", kind);
        return JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!).RootElement.Clone();
    }

    private Task<long> MeetingOverduesAsync(string village) =>
        platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @v AND message_type LIKE 'MassWork.Contracts.Visits.V1.MeetingOverdue,%'", ("v", village));

    private async Task<JsonElement[]> SimulatedAsync(string phone) =>
        (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray().ToArray();

    private Task WaitAsync(string database, string sql, string what, long expected, params (string Name, object Value)[] parameters) =>
        Eventually.HoldsAsync(async () => await platform.CountAsync(database, sql, parameters) == expected, Wait, what);
}
