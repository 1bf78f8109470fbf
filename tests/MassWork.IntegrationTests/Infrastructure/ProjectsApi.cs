namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>Calls to the projects service through the gateway.</summary>
public sealed class ProjectsApi(PlatformFixture platform)
{
    private static int _nextVillage = Random.Shared.Next(0, 100);

    public PersonnelApi Http { get; } = new(platform);

    /// <summary>A village code of its own under a 章贡区 town; the projects service takes codes as given.</summary>
    public static string NewVillage() => $"3607020{Interlocked.Increment(ref _nextVillage) % 20 + 1:00}{400 + Random.Shared.Next(0, 500):000}";

    public string Town(string village, string role = Roles.TownStaff, string user = "town-clerk") => platform.Token(village[..9], role, user);

    public string County(string role = Roles.Leader, string user = "county-leader") => platform.Token(PlatformFixture.Region, role, user);

    public string City(string role = Roles.Leader, string user = "city-leader") => platform.Token("3607", role, user);

    public async Task<JsonElement> ProposeAsync(string village, long costFen, string? token = null) =>
        await Http.CreatedAsync("/api/projects", token ?? Town(village), new
        {
            title = "上坪组通组公路硬化", category = "Road", regionCode = village, proposer = "VillageCommittee",
            estimatedCostFen = costFen, linkedDemandIds = new[] { Guid.NewGuid() }, beneficiaryCount = 86,
        });

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null, string? ifMatch = null) =>
        Http.SendAsync(method, path, token, body is null ? null : JsonContent.Create(body), r =>
        {
            if (ifMatch is not null)
            {
                r.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }
        });

    public Task<JsonElement> StepAsync(Guid id, string step, string token, object? body = null) =>
        Http.OkAsync(HttpMethod.Post, $"/api/projects/{id}/{step}", token, body ?? new { });

    public Task<JsonElement> FundingAsync(Guid id, string token, object body) => Http.OkAsync(HttpMethod.Put, $"/api/projects/{id}/funding", token, body);

    public Task<JsonElement> EntryAsync(Guid id, string token, object body) => Http.CreatedAsync($"/api/projects/{id}/ledger", token, body);

    public Task<JsonElement> LedgerAsync(Guid id, string token) => Http.OkAsync(HttpMethod.Get, $"/api/projects/{id}/ledger", token);

    /// <summary>A town-approved project under way, with the city's 三送 money budgeted and allocated.</summary>
    public async Task<(Guid Id, string Village)> UnderWayAsync(long cityFundFen, params object[] moreSources)
    {
        var village = NewVillage();
        var town = Town(village);
        // Proposed at what the plan brings, so the budgets fit the approved amount.
        var planned = cityFundFen + moreSources.Sum(s => JsonSerializer.SerializeToElement(s).GetProperty("amountFen").GetInt64());
        var id = (await ProposeAsync(village, planned)).GetProperty("id").GetGuid();
        await FundingAsync(id, town, new { sources = new object[] { new { source = "CityFund", amountFen = cityFundFen } }.Concat(moreSources).ToArray() });
        await StepAsync(id, "approve", town);
        await StepAsync(id, "start", town);
        await EntryAsync(id, town, new { kind = "Budget", source = "CityFund", amountFen = cityFundFen });
        await EntryAsync(id, town, new { kind = "Allocation", source = "CityFund", amountFen = cityFundFen });
        return (id, village);
    }

    public Task<long> EventsAsync(Guid projectId, string type) =>
        platform.CountAsync("projectsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE @type",
            ("id", projectId.ToString()), ("type", $"MassWork.Contracts.Projects.V1.{type},%"));

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string[] Actions(JsonElement project) => project.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("action").GetString()!).ToArray();
}
