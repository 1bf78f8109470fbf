using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using MassWork.Contracts.Personnel.V1;

namespace MassWork.IntegrationTests;

/// <summary>
/// Phone spot-checks (电话抽查) through the gateway: a sample drawn and drawn again identically from
/// its seed, calls answered once each, a household saying it was not visited flagging the visit and
/// announcing SpotCheckFailed, bad input refused by field, and the check kept to supervisors of its
/// region. The platform's clock stands in June 2026; the visits checked are May's.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VisitSpotCheckTests(PlatformFixture platform)
{
    private const string SpotChecks = "/api/visits/spot-checks";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    private readonly PersonnelApi _api = new(platform);

    private static DateTimeOffset Shanghai(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private string Leader(string village) => platform.Token(village[..9], Roles.Leader, "town-leader");

    [Fact]
    public async Task A_sample_drawn_again_with_its_seed_is_the_same_and_a_household_saying_no_flags_its_visit_and_is_announced()
    {
        var village = await _api.NewVillageAsync();
        var (song, ye) = (await _api.RegisterCadreAsync("宋明辉", phone: NewPhone()), await _api.RegisterCadreAsync("叶志明", phone: NewPhone()));
        var heads = new[] { "刘桂英", "赖福生", "钟立新", "曾凡英" };
        var households = new List<Guid>();
        foreach (var head in heads)
        {
            households.Add(await _api.RegisterHouseholdAsync(village, head));
        }

        await WaitAsync("SELECT count(*) FROM households WHERE id = ANY(@ids)", "the households", households.Count, ("ids", households.ToArray()));
        await WaitAsync("SELECT count(*) FROM cadres WHERE id = ANY(@ids)", "the cadres", 2, ("ids", new[] { song, ye }));
        for (var i = 0; i < households.Count; i++)
        {
            await PairedSinceAsync(i < 2 ? song : ye, households[i], village, Shanghai(1, 1, 9));
        }

        var visits = new Dictionary<Guid, Guid>();
        for (var i = 0; i < households.Count; i++)
        {
            visits[households[i]] = (await _api.CreatedAsync("/api/visits/visits", platform.Token(village[..9], Roles.TownStaff, "town-clerk"), new
            {
                clientId = Guid.NewGuid().ToString(), visitedAt = Shanghai(5, 10 + i), mode = "Home", cadreIds = new[] { i < 2 ? song : ye }, householdIds = new[] { households[i] },
            })).GetProperty("id").GetGuid();
        }

        // A visit of April is outside the period checked, and is never drawn or flagged.
        var april = (await _api.CreatedAsync("/api/visits/visits", platform.Token(village[..9], Roles.TownStaff, "town-clerk"), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = Shanghai(4, 20), mode = "Home", cadreIds = new[] { song }, householdIds = new[] { households[0] },
        })).GetProperty("id").GetGuid();

        var body = new { region = village, from = "2026-05-01", to = "2026-05-31", sampleSize = 3, seed = 20260601L };
        var drawn = await DrawAsync(Leader(village), body);
        var again = await DrawAsync(platform.Token(village[..6], Roles.Operator, "county-operator"), body);
        Assert.NotEqual(drawn.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal((20260601L, 3, 4L), (drawn.GetProperty("seed").GetInt64(), drawn.GetProperty("sampleSize").GetInt32(), drawn.GetProperty("population").GetInt64()));
        var sample = Drawn(drawn);
        Assert.Equal(3, sample.Distinct().Count());
        Assert.Equal(sample, Drawn(again));
        // Anyone can audit the draw: the households of lowest SHA-256(seed ‖ id) rank, in that order.
        Assert.Equal(households.OrderBy(h => Rank(20260601L, h)).Take(3), sample);

        var stored = await _api.OkAsync(HttpMethod.Get, $"{SpotChecks}/{drawn.GetProperty("id").GetGuid()}", Leader(village));
        Assert.Equal(drawn.ToString(), stored.ToString());
        var first = drawn.GetProperty("calls")[0];
        Assert.Equal(1, first.GetProperty("position").GetInt32());
        Assert.Equal("Pending", first.GetProperty("outcome").GetString());
        var firstHousehold = first.GetProperty("householdId").GetGuid();
        Assert.Equal(heads[households.IndexOf(firstHousehold)], first.GetProperty("headName").GetString());
        Assert.Equal(visits[firstHousehold], Assert.Single(first.GetProperty("visits").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.False(first.TryGetProperty("phone", out _));

        // The first household confirms, and names its cadre; the answer stands.
        var checkId = drawn.GetProperty("id").GetGuid();
        var cadre = Assert.Single(first.GetProperty("cadres").EnumerateArray()).GetProperty("id").GetGuid();
        using (var passed = await AnswerAsync(checkId, first, Leader(village), new { reached = true, visited = true, namedCadreId = cadre, satisfied = true }))
        {
            var answer = await passed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(passed.StatusCode == HttpStatusCode.OK, answer.ToString());
            Assert.Equal("Passed", answer.GetProperty("outcome").GetString());
            Assert.NotEqual(first.GetProperty("eTag").GetString(), passed.Headers.ETag?.Tag);
            Assert.EndsWith("+08:00", answer.GetProperty("answeredAt").GetString());
        }

        using (var stale = await AnswerAsync(checkId, first, Leader(village), new { reached = true, visited = false }))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        using (var twice = await AnswerAsync(checkId, first, Leader(village), new { reached = true, visited = false }, ifMatch: false))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        // The second is not reached, then says nobody came: its visit is flagged and SpotCheckFailed announced.
        var second = drawn.GetProperty("calls")[1];
        var secondHousehold = second.GetProperty("householdId").GetGuid();
        using (var unreached = await AnswerAsync(checkId, second, Leader(village), new { reached = false }))
        {
            Assert.Equal(HttpStatusCode.OK, unreached.StatusCode);
            Assert.Equal("Unreached", (await unreached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        }

        using (var failed = await AnswerAsync(checkId, second, Leader(village), new { reached = true, visited = false, satisfied = false, notes = "户主称今年无人上门" }, ifMatch: false))
        {
            var answer = await failed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(failed.StatusCode == HttpStatusCode.OK, answer.ToString());
            Assert.Equal(("Failed", 2), (answer.GetProperty("outcome").GetString(), answer.GetProperty("attempts").GetInt32()));
        }

        var callId = second.GetProperty("id").GetGuid();
        var flagged = await _api.OkAsync(HttpMethod.Get, $"/api/visits/visits/{visits[secondHousehold]}", platform.Token(village[..9]));
        var flag = Assert.Single(flagged.GetProperty("spotCheckFlags").EnumerateArray());
        Assert.Equal((checkId, callId), (flag.GetProperty("spotCheckId").GetGuid(), flag.GetProperty("callId").GetGuid()));
        Assert.Empty((await _api.OkAsync(HttpMethod.Get, $"/api/visits/visits/{visits[firstHousehold]}", platform.Token(village[..9]))).GetProperty("spotCheckFlags").EnumerateArray());
        Assert.Empty((await _api.OkAsync(HttpMethod.Get, $"/api/visits/visits/{april}", platform.Token(village[..9]))).GetProperty("spotCheckFlags").EnumerateArray());

        await WaitAsync("SELECT count(*) FROM outbox_messages WHERE aggregate_id = @c AND message_type LIKE 'MassWork.Contracts.Visits.V1.SpotCheckFailed,%' AND sent_at IS NOT NULL " +
            "AND payload->>'householdId' = @h AND payload->>'villageCode' = @v AND payload->'visitIds'->>0 = @visit",
            "SpotCheckFailed published", 1, ("c", callId.ToString()), ("h", secondHousehold.ToString()), ("v", village), ("visit", visits[secondHousehold].ToString()));
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'MassWork.Contracts.Visits.V1.SpotCheckFailed,%' AND payload->>'spotCheckId' = @s",
            ("s", checkId.ToString())));
        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @c AND (payload::text LIKE '%' || @n || '%' OR payload::text LIKE '%town-leader%')",
            ("c", callId.ToString()), ("n", heads[households.IndexOf(secondHousehold)])));

        var tally = (await _api.OkAsync(HttpMethod.Get, $"{SpotChecks}/{checkId}", Leader(village))).GetProperty("tally");
        Assert.Equal((3, 1, 0, 1, 1, 0.5), (tally.GetProperty("calls").GetInt32(), tally.GetProperty("pending").GetInt32(), tally.GetProperty("unreached").GetInt32(),
            tally.GetProperty("passed").GetInt32(), tally.GetProperty("failed").GetInt32(), tally.GetProperty("passRate").GetDouble()));
        Assert.Contains(checkId, (await _api.OkAsync(HttpMethod.Get, $"{SpotChecks}?region={village}", Leader(village))).GetProperty("spotChecks").EnumerateArray()
            .Select(s => s.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Bad_input_is_refused_by_field_and_stores_nothing_and_only_supervisors_of_the_region_see_a_check()
    {
        var village = await _api.NewVillageAsync();
        var cadre = await _api.RegisterCadreAsync("钟文华", phone: NewPhone());
        var household = await _api.RegisterHouseholdAsync(village, "谢春生");
        await WaitAsync("SELECT count(*) FROM households WHERE id = @id", "the household", 1, ("id", household));
        await WaitAsync("SELECT count(*) FROM cadres WHERE id = @id", "the cadre", 1, ("id", cadre));
        await PairedSinceAsync(cadre, household, village, Shanghai(1, 1, 9));
        await _api.CreatedAsync("/api/visits/visits", platform.Token(village[..9], Roles.TownStaff, "town-clerk"), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = Shanghai(6, 1), mode = "Phone", cadreIds = new[] { cadre }, householdIds = new[] { household },
        });

        foreach (var (body, field) in new (string Body, string Field)[]
        {
            ($$"""{"region":"{{village}}","from":"2026-06-01","to":"2026-05-01","sampleSize":5}""", "to"),
            ($$"""{"region":"{{village}}","from":"2026-06-01","to":"2027-01-01","sampleSize":5}""", "to"),
            ($$"""{"region":"{{village}}","to":"2026-06-05","sampleSize":5}""", "from"),
            ($$"""{"region":"{{village}}","from":"2026-06-01","to":"2026-06-05","sampleSize":0}""", "sampleSize"),
            ($$"""{"region":"{{village}}","from":"2026-06-01","to":"2026-06-05","sampleSize":5,"seed":-3}""", "seed"),
            ($$"""{"region":"3607021","from":"2026-06-01","to":"2026-06-05","sampleSize":5}""", "region"),
            ($$"""{"region":"{{village}}","from":"2026-06-01","to":"2026-06-05","sampleSize":"five"}""", "$.sampleSize"),
        })
        {
            using var response = await _api.SendAsync(HttpMethod.Post, SpotChecks, Leader(village), new StringContent(body, Encoding.UTF8, "application/json"));
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        }

        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM spot_checks WHERE region_prefix = @v", ("v", village)));

        var draw = new { region = village, from = "2026-06-01", to = "2026-06-05", sampleSize = 5 };
        using (var staff = await _api.SendAsync(HttpMethod.Post, SpotChecks, platform.Token(village[..9], Roles.TownStaff, "town-clerk"), JsonContent.Create(draw)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        }

        using (var outside = await _api.SendAsync(HttpMethod.Post, SpotChecks, platform.Token(PlatformFixture.OtherRegion, Roles.Leader, "other-leader"), JsonContent.Create(draw)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
            Assert.Contains("region", (await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM spot_checks WHERE region_prefix = @v", ("v", village)));

        // Idempotent: the same key replays the check first drawn, a fresh seed included.
        var key = Guid.NewGuid().ToString();
        var drawn = await DrawAsync(Leader(village), draw, key);
        var replayed = await DrawAsync(Leader(village), draw, key, HttpStatusCode.Created);
        Assert.Equal((drawn.GetProperty("id").GetGuid(), drawn.GetProperty("seed").GetInt64()), (replayed.GetProperty("id").GetGuid(), replayed.GetProperty("seed").GetInt64()));
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM spot_checks WHERE region_prefix = @v", ("v", village)));

        var id = drawn.GetProperty("id").GetGuid();
        var call = Assert.Single(drawn.GetProperty("calls").EnumerateArray());
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { visited = true }, "reached"),
            (new { reached = true }, "visited"),
            (new { reached = false, visited = true }, "visited"),
            (new { reached = true, visited = true, namedCadreId = Guid.NewGuid() }, "namedCadreId"),
        })
        {
            using var response = await AnswerAsync(id, call, Leader(village), body);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        }

        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM spot_check_calls WHERE spot_check_id = @s AND attempts > 0", ("s", id)));

        // Another region's supervisor neither sees nor answers it; a town's staff may not answer.
        var other = platform.Token(PlatformFixture.OtherRegion, Roles.Leader, "other-leader");
        using (var hidden = await _api.SendAsync(HttpMethod.Get, $"{SpotChecks}/{id}", other))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var elsewhere = await AnswerAsync(id, call, other, new { reached = false }))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        using (var staff = await AnswerAsync(id, call, platform.Token(village[..9], Roles.TownStaff, "town-clerk"), new { reached = false }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        }

        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM spot_check_calls WHERE spot_check_id = @s AND attempts > 0", ("s", id)));
    }

    private static string NewPhone() => $"137{Random.Shared.Next(0, 100_000_000):D8}";

    private static ulong Rank(long seed, Guid household)
    {
        var input = new byte[24];
        BinaryPrimitives.WriteInt64BigEndian(input, seed);
        household.TryWriteBytes(input.AsSpan(8), bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(input));
    }

    private static List<Guid> Drawn(JsonElement check) =>
        [.. check.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("householdId").GetGuid())];

    private async Task<JsonElement> DrawAsync(string token, object body, string? key = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await _api.SendAsync(HttpMethod.Post, SpotChecks, token, JsonContent.Create(body),
            r => r.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Answers a call with If-Match set to the ETag it was read with (or none).</summary>
    private Task<HttpResponseMessage> AnswerAsync(Guid check, JsonElement call, string token, object body, bool ifMatch = true) =>
        _api.SendAsync(HttpMethod.Post, $"{SpotChecks}/{check}/calls/{call.GetProperty("id").GetGuid()}/answer", token, JsonContent.Create(body),
            r =>
            {
                if (ifMatch)
                {
                    r.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(call.GetProperty("eTag").GetString()!));
                }
            });

    /// <summary>Announces a pairing as personnel would have when it started, then waits for the visits read model to hold it.</summary>
    private async Task PairedSinceAsync(Guid cadre, Guid household, string village, DateTimeOffset startedAt)
    {
        var pairing = Guid.NewGuid();
        await platform.PublishAsync(new PairingStarted(pairing, "FullCoverage", startedAt, household, Households.NewNumber(), village, "户主", [], cadre, "干部", null, null), Guid.NewGuid());
        await WaitAsync("SELECT count(*) FROM pairings WHERE id = @id", "the pairing", 1, ("id", pairing));
    }

    private Task WaitAsync(string sql, string what, long expected, params (string Name, object Value)[] parameters) =>
        Eventually.HoldsAsync(async () => await platform.CountAsync("visitsdb", sql, parameters) == expected, Wait, what);
}
