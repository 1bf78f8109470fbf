namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>Calls to the personnel service through the gateway that tests build their data with.</summary>
public sealed class PersonnelApi(PlatformFixture platform)
{
    private static int _nextVillage = Random.Shared.Next(0, 50);

    public string Operator => platform.Token("3607", Roles.Operator, "test-operator");

    public string TownStaff => platform.Token(PlatformFixture.Region, Roles.TownStaff, "test-town-staff");

    /// <summary>A village of its own for a test (a fresh code under a 章贡区 town), loaded through the region import.</summary>
    public async Task<string> NewVillageAsync()
    {
        var n = Interlocked.Increment(ref _nextVillage);
        var town = 3 + n / 150;
        var code = $"3607020{town:00}{250 + n % 150:000}";
        var csv = $"code,name,level,parent_code\n{code},测试{n}村,village,{code[..9]}000\n";
        using var response = await SendAsync(HttpMethod.Post, "/api/personnel/regions/import", Operator, new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return code;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = platform.Request(method, path, token, content);
        configure?.Invoke(request);
        return await platform.Gateway.SendAsync(request);
    }

    public async Task<JsonElement> OkAsync(HttpMethod method, string path, string? token, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, token, body is null ? null : JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> CreatedAsync(string path, string token, object body) => OkAsync(HttpMethod.Post, path, token, body, HttpStatusCode.Created);

    public async Task<Guid> RegisterHouseholdAsync(string village, string head = "刘桂英", string? idNumber = null, string? phone = null, string[]? tags = null, Guid? groupId = null)
    {
        var household = await CreatedAsync("/api/personnel/households", TownStaff, new
        {
            householdNumber = Households.NewNumber(),
            villageCode = village,
            address = "和平路12号",
            status = "Resident",
            groupId,
            tags = tags ?? [],
            members = new object[]
            {
                new { name = head, relation = "户主", idNumber, phone },
                new { name = head + "之妻", relation = "配偶" },
            },
        });
        return household.GetProperty("id").GetGuid();
    }

    public async Task<Guid> CreateUnitAsync(string name) =>
        (await CreatedAsync("/api/personnel/units", Operator, new { name = $"{name}{Guid.NewGuid():N}"[..30], regionCode = "360702000000" })).GetProperty("id").GetGuid();

    public async Task<Guid> RegisterCadreAsync(string name, string rank = "General", Guid? unitId = null, string? userId = null, Guid? homeCompoundId = null, string phone = "13907971234") =>
        (await CreatedAsync("/api/personnel/cadres", TownStaff, new { name, phone, rank, position = "科员", unitId, regionCode = "360702001000", userId, homeCompoundId }))
            .GetProperty("id").GetGuid();

    public async Task<Guid> CreateTeamAsync(string village, Guid unitId) =>
        (await CreatedAsync("/api/personnel/teams", TownStaff, new { name = "驻村工作队", unitId, villageCode = village })).GetProperty("id").GetGuid();

    public Task<JsonElement> AddMemberAsync(Guid teamId, Guid cadreId, string role, params Guid[] groupIds) =>
        OkAsync(HttpMethod.Post, $"/api/personnel/teams/{teamId}/members", TownStaff, new { cadreId, role, groupIds });

    public async Task<Guid> AddGroupAsync(string village, string name, string kind = "Group") =>
        (await CreatedAsync($"/api/personnel/regions/{village}/units", TownStaff, new { kind, name })).GetProperty("id").GetGuid();
}
