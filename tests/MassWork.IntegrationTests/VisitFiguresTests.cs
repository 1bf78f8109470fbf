using MassWork.Contracts.Personnel.V1;

namespace MassWork.IntegrationTests;

/// <summary>
/// The visits figures through the gateway over a small known dataset in two fresh villages: a
/// general cadre paired with two households of the first (one visited at home with aid and a
/// flagged photo, then by phone; one never), another with one household of the second (visited in
/// March and in May with a demand). The platform's clock stands in June 2026; the period read is
/// 2026Q2 (91 days: each pairing owes ceil(3 × 91 / 365) = 1 contact and ceil(5 × 91 / 365) = 2
/// days in the village).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VisitFiguresTests(PlatformFixture platform)
{
    private const string Figures = "/api/visits/figures";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    private readonly PersonnelApi _api = new(platform);

    private readonly PhotoUploads _photos = new(platform);

    private static DateTimeOffset Shanghai(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_region_and_period_show_the_numbers_of_its_visits_per_area_with_the_spot_checks_pass_rate_per_town_and_cadre()
    {
        var (first, second) = (await _api.NewVillageAsync(), await _api.NewVillageAsync());
        var (zeng, lai) = (await _api.RegisterCadreAsync("曾志强", phone: NewPhone()), await _api.RegisterCadreAsync("赖文彬", phone: NewPhone()));
        var (visited, never, other) = (await _api.RegisterHouseholdAsync(first, "刘桂英"), await _api.RegisterHouseholdAsync(first, "赖福生"), await _api.RegisterHouseholdAsync(second, "钟立新"));
        await WaitAsync("SELECT count(*) FROM households WHERE id = ANY(@ids)", "the households", 3, ("ids", new[] { visited, never, other }));
        await WaitAsync("SELECT count(*) FROM cadres WHERE id = ANY(@ids)", "the cadres", 2, ("ids", new[] { zeng, lai }));
        await PairedSinceAsync(zeng, visited, first);
        await PairedSinceAsync(zeng, never, first);
        await PairedSinceAsync(lai, other, second);

        var home = await VisitAsync(first, Shanghai(4, 10), "Home", zeng, visited, aid: new { cashFen = 50000, goods = new[] { new { name = "大米", quantity = 2, valueFen = 12000 } } });
        await VisitAsync(first, Shanghai(5, 10), "Phone", zeng, visited);
        await VisitAsync(second, Shanghai(3, 5), "Home", lai, other);
        await VisitAsync(second, Shanghai(5, 20), "Home", lai, other,
            demands: new[] { new { categoryCode = "roads-irrigation", matterType = "Request", content = "村口便桥垮塌，请求修复" } });
        // Taken the day before the visit: flagged TimeMismatch.
        await _photos.UploadedAsync($"/api/visits/visits/{home}/photos", Town(first), HttpStatusCode.Created, TestPhotos.Jpeg(Shanghai(4, 9)));

        await AnsweredAsync(first, new { reached = true, visited = true, namedCadreId = zeng, satisfied = true });
        await AnsweredAsync(second, new { reached = true, visited = false });

        var one = await CurrentAsync($"{Figures}?region={first}&year=2026&quarter=2", Town(first));
        Assert.Equal(("2026Q2", "2026-04-01", "2026-06-30"), (one.GetProperty("period").GetString(), one.GetProperty("from").GetString(), one.GetProperty("to").GetString()));
        AssertFirst(one.GetProperty("total"), first);
        AssertFirst(Assert.Single(one.GetProperty("areas").EnumerateArray()), first);
        var town = Assert.Single(one.GetProperty("spotChecksByTown").EnumerateArray());
        Assert.Equal((first[..9], 1, 1.0), (town.GetProperty("townCode").GetString(), town.GetProperty("spotChecks").GetProperty("passed").GetInt32(),
            town.GetProperty("spotChecks").GetProperty("passRate").GetDouble()));
        var cadre = Assert.Single(one.GetProperty("spotChecksByCadre").EnumerateArray());
        Assert.Equal((zeng, "曾志强", 1, 0, 1.0), (cadre.GetProperty("cadreId").GetGuid(), cadre.GetProperty("name").GetString(), cadre.GetProperty("passed").GetInt32(),
            cadre.GetProperty("failed").GetInt32(), cadre.GetProperty("passRate").GetDouble()));

        var two = await CurrentAsync($"{Figures}?region={second}&year=2026&quarter=2", Town(second));
        AssertSecond(two.GetProperty("total"), second);
        var blamed = Assert.Single(two.GetProperty("spotChecksByCadre").EnumerateArray());
        Assert.Equal((lai, 0, 1, 0.0), (blamed.GetProperty("cadreId").GetGuid(), blamed.GetProperty("passed").GetInt32(), blamed.GetProperty("failed").GetInt32(),
            blamed.GetProperty("passRate").GetDouble()));

        // The town's figures break down into its villages: these two exactly as on their own.
        var byVillage = (await CurrentAsync($"{Figures}?region={first[..9]}&year=2026&quarter=2", Town(first))).GetProperty("areas").EnumerateArray()
            .ToDictionary(a => a.GetProperty("regionCode").GetString()!);
        AssertFirst(byVillage[first], first);
        if (second[..9] == first[..9])
        {
            AssertSecond(byVillage[second], second);
        }

        // The county's figures: its towns are both its areas and the spot-checks' towns.
        var county = await CurrentAsync($"{Figures}?region={first[..6]}&year=2026&quarter=2", platform.Token(first[..6], Roles.TownStaff, "figures-clerk"));
        var countyTown = Assert.Single(county.GetProperty("spotChecksByTown").EnumerateArray(), t => t.GetProperty("townCode").GetString() == first[..9]);
        var countyArea = Assert.Single(county.GetProperty("areas").EnumerateArray(), a => a.GetProperty("regionCode").GetString() == first[..9]);
        Assert.Equal(countyTown.GetProperty("spotChecks").ToString(), countyArea.GetProperty("spotChecks").ToString());
        Assert.True(countyTown.GetProperty("spotChecks").GetProperty("passed").GetInt32() >= 1);

        // The whole year: the March visit counts, and each pairing owes the year's 3 contacts.
        var year = (await CurrentAsync($"{Figures}?region={second}&year=2026", Town(second))).GetProperty("total");
        Assert.Equal((2, 3, 2), (year.GetProperty("aid").GetProperty("visits").GetInt32(), year.GetProperty("contacts").GetProperty("required").GetInt32(),
            year.GetProperty("contacts").GetProperty("done").GetInt32()));
        var march = (await CurrentAsync($"{Figures}?region={second}&year=2026&month=3", Town(second))).GetProperty("total");
        Assert.Equal((1, 0), (march.GetProperty("aid").GetProperty("visits").GetInt32(), march.GetProperty("demands").GetProperty("raised").GetInt32()));
    }

    [Fact]
    public async Task A_bad_period_or_region_is_refused_by_field_and_another_region_is_forbidden()
    {
        foreach (var (query, field) in new[] { ("year=2026&quarter=5", "quarter"), ("year=2026&quarter=1&month=2", "month"), ("year=2031", "year"), ("region=36070", "region"),
            ("year=2026&month=12", "month") })
        {
            using var response = await _api.SendAsync(HttpMethod.Get, $"{Figures}?{query}", platform.Token());
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        }

        using var outside = await _api.SendAsync(HttpMethod.Get, $"{Figures}?region={PlatformFixture.OtherRegion}", platform.Token());
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }

    private static void AssertFirst(JsonElement f, string village)
    {
        Assert.Equal(village, f.GetProperty("regionCode").GetString());
        Assert.Equal((2, 1, 1), Three(f.GetProperty("households"), "due", "visited", "neverVisitedThisYear"));
        Assert.Equal((2, 1, 0.5), (f.GetProperty("contacts").GetProperty("required").GetInt32(), f.GetProperty("contacts").GetProperty("done").GetInt32(),
            f.GetProperty("contacts").GetProperty("rate").GetDouble()));
        Assert.Equal((1, 1), Two(f.GetProperty("cadres"), "paired", "behind"));
        Assert.Equal((2, 1), Two(f.GetProperty("villageDays"), "required", "done"));
        var aid = f.GetProperty("aid");
        Assert.Equal((2, 1, 50000L, 12000L, 62000L), (aid.GetProperty("visits").GetInt32(), aid.GetProperty("visitsWithAid").GetInt32(), aid.GetProperty("cashFen").GetInt64(),
            aid.GetProperty("goodsValueFen").GetInt64(), aid.GetProperty("totalFen").GetInt64()));
        Assert.Equal(0, f.GetProperty("demands").GetProperty("raised").GetInt32());
        Assert.Equal((1, 1), Two(f.GetProperty("photos"), "photos", "flagged"));
        var spot = f.GetProperty("spotChecks");
        Assert.Equal((1, 0, 0), Three(spot, "passed", "failed", "unreached"));
        Assert.Equal((1, 1, 1.0), (spot.GetProperty("satisfied").GetInt32(), spot.GetProperty("namedTheirCadre").GetInt32(), spot.GetProperty("passRate").GetDouble()));
    }

    private static void AssertSecond(JsonElement f, string village)
    {
        Assert.Equal(village, f.GetProperty("regionCode").GetString());
        Assert.Equal((1, 1, 0), Three(f.GetProperty("households"), "due", "visited", "neverVisitedThisYear"));
        Assert.Equal((1, 1), Two(f.GetProperty("contacts"), "required", "done"));
        Assert.Equal((1, 1), Two(f.GetProperty("cadres"), "paired", "behind"));
        Assert.Equal((2, 1), Two(f.GetProperty("villageDays"), "required", "done"));
        Assert.Equal((1, 0), Two(f.GetProperty("aid"), "visits", "visitsWithAid"));
        var demands = f.GetProperty("demands");
        Assert.Equal(1, demands.GetProperty("raised").GetInt32());
        Assert.Equal(1, demands.GetProperty("byStatus").EnumerateObject().Sum(s => s.Value.GetInt32()));
        Assert.Equal((0, 0), Two(f.GetProperty("photos"), "photos", "flagged"));
        var spot = f.GetProperty("spotChecks");
        Assert.Equal((0, 1, 0), Three(spot, "passed", "failed", "unreached"));
        Assert.Equal(0.0, spot.GetProperty("passRate").GetDouble());
    }

    /// <summary>
    /// The figures once they hold every change made so far: villages changed elsewhere in the town
    /// by other tests may still be queued, and the background refresh (every second here) takes them.
    /// </summary>
    private async Task<JsonElement> CurrentAsync(string path, string token)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var figures = await _api.OkAsync(HttpMethod.Get, path, token);
            if (figures.GetProperty("pendingVillages").GetInt64() == 0 || DateTime.UtcNow > deadline)
            {
                return figures;
            }

            await Task.Delay(200);
        }
    }

    private static (int, int) Two(JsonElement e, string a, string b) => (e.GetProperty(a).GetInt32(), e.GetProperty(b).GetInt32());

    private static (int, int, int) Three(JsonElement e, string a, string b, string c) => (e.GetProperty(a).GetInt32(), e.GetProperty(b).GetInt32(), e.GetProperty(c).GetInt32());

    private static string NewPhone() => $"135{Random.Shared.Next(0, 100_000_000):D8}";

    private string Town(string village) => platform.Token(village[..9], Roles.TownStaff, "figures-clerk");

    private async Task<Guid> VisitAsync(string village, DateTimeOffset at, string mode, Guid cadre, Guid household, object? aid = null, object? demands = null) =>
        (await _api.CreatedAsync("/api/visits/visits", Town(village), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = at, mode, cadreIds = new[] { cadre }, householdIds = new[] { household }, aid, demands,
        })).GetProperty("id").GetGuid();

    /// <summary>Draws the village's 2026Q2 spot-check (its one household visited) and answers the call.</summary>
    private async Task AnsweredAsync(string village, object answer)
    {
        var leader = platform.Token(village[..9], Roles.Leader, "figures-leader");
        var check = await _api.CreatedAsync("/api/visits/spot-checks", leader, new { region = village, from = "2026-04-01", to = "2026-06-10", sampleSize = 5 });
        var call = Assert.Single(check.GetProperty("calls").EnumerateArray());
        await _api.OkAsync(HttpMethod.Post, $"/api/visits/spot-checks/{check.GetProperty("id").GetGuid()}/calls/{call.GetProperty("id").GetGuid()}/answer", leader, answer);
    }

    /// <summary>Announces a pairing held since March 2025, as personnel would have, then waits for the visits read model to hold it.</summary>
    private async Task PairedSinceAsync(Guid cadre, Guid household, string village)
    {
        var pairing = Guid.NewGuid();
        await platform.PublishAsync(new PairingStarted(pairing, "FullCoverage", new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)), household, Households.NewNumber(),
            village, "户主", [], cadre, "干部", null, null), Guid.NewGuid());
        await WaitAsync("SELECT count(*) FROM pairings WHERE id = @id", "the pairing", 1, ("id", pairing));
    }

    private Task WaitAsync(string sql, string what, long expected, params (string Name, object Value)[] parameters) =>
        Eventually.HoldsAsync(async () => await platform.CountAsync("visitsdb", sql, parameters) == expected, Wait, what);
}
