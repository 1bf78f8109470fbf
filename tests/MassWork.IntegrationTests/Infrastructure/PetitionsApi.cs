namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>Calls to the petitions service through the gateway, and the households they are about.</summary>
public sealed class PetitionsApi(PlatformFixture platform)
{
    public PersonnelApi Personnel { get; } = new(platform);

    public string Town(string village, string user = "town-clerk") => platform.Token(village[..9], Roles.TownStaff, user);

    public string County(string role = Roles.Leader, string user = "county-leader") => platform.Token(PlatformFixture.Region, role, user);

    /// <summary>A household registered in personnel and already known to the petitions read model.</summary>
    public async Task<(Guid Household, string Village)> HouseholdAsync(string head = "钟秀兰")
    {
        var village = await Personnel.NewVillageAsync();
        var household = await Personnel.RegisterHouseholdAsync(village, head, phone: "13807970001");
        await Eventually.HoldsAsync(
            async () => await platform.CountAsync("petitionsdb", "SELECT count(*) FROM households WHERE id = @id", ("id", household)) == 1,
            TimeSpan.FromSeconds(30), "the petitions read model receives the household");
        return (household, village);
    }

    public async Task<JsonElement> RegisterAsync(string token, object body) => await Personnel.OkAsync(HttpMethod.Post, "/api/petitions/cases", token, body, HttpStatusCode.Created);

    public Task<JsonElement> RequestCase(Guid household, string token, string category = "social-security", string type = "Request") =>
        RegisterAsync(token, new { channel = "WalkIn", matterType = type, categoryCode = category, householdId = household, content = "养老金三个月未到账，请求核查补发" });

    public Task<JsonElement> StepAsync(Guid id, string step, string token, object? body = null, HttpMethod? method = null) =>
        Personnel.OkAsync(method ?? HttpMethod.Post, $"/api/petitions/cases/{id}/{step}", token, body ?? new { });

    public async Task<HttpResponseMessage> SendStepAsync(Guid id, string step, string token, object? body = null) =>
        await Personnel.SendAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/{step}", token, JsonContent.Create(body ?? new { }));

    public Task<JsonElement> GetAsync(Guid id, string token) => Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/cases/{id}", token);

    /// <summary>Registered, assigned to the village's town office and accepted.</summary>
    public async Task<(Guid Case, string Village, Guid Household)> AcceptedCaseAsync(string category = "social-security", string type = "Request")
    {
        var (household, village) = await HouseholdAsync();
        var town = Town(village);
        var id = (await RequestCase(household, town, category, type)).GetProperty("id").GetGuid();
        await StepAsync(id, "assign", town, new { kind = "Region", code = village[..9] + "000", name = "测试镇人民政府" });
        await StepAsync(id, "accept", town);
        return (id, village, household);
    }

    public Task<long> EventsAsync(Guid caseId, string type) =>
        platform.CountAsync("petitionsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE @type",
            ("id", caseId.ToString()), ("type", $"MassWork.Contracts.Petitions.V1.{type},%"));

    public static string[] Actions(JsonElement c) => c.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("action").GetString()!).ToArray();
}
