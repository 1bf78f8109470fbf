namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PetitionIntakeTests(PlatformFixture platform)
{
    private readonly PetitionsApi _api = new(platform);

    public static TheoryData<string, string> BadIntakes => new()
    {
        { """{"matterType":"Request","categoryCode":"medical","regionCode":"360702003201","petitioner":{"name":"王"},"content":"x"}""", "channel" },
        { """{"channel":"WalkIn","matterType":"Request","categoryCode":"no-such","regionCode":"360702003201","petitioner":{"name":"王"},"content":"x"}""", "categoryCode" },
        { """{"channel":"Visit","matterType":"Request","categoryCode":"medical","regionCode":"360702003201","petitioner":{"name":"王"},"content":"x","representatives":6}""", "representatives" },
        { """{"channel":"Proxy","matterType":"Request","categoryCode":"medical","regionCode":"360702003201","petitioner":{"name":"王"},"content":"x"}""", "mandateReference" },
        { """{"channel":"WalkIn","matterType":"Request","categoryCode":"medical","regionCode":"3607","petitioner":{"name":"王"},"content":"x"}""", "regionCode" },
        { """{"channel":"WalkIn","matterType":"Request","categoryCode":"medical","regionCode":"360702003201","petitioner":{"name":"王","phone":"12345"},"content":"x"}""", "petitioner.phone" },
        { """{"channel":"WalkIn","matterType":"Request","categoryCode":"medical","regionCode":"360702003201","content":"x"}""", "petitioner.name" },
        { """{"channel":"WalkIn","matterType":"Request","categoryCode":"medical","householdId":"0198f3a0-0000-7000-8000-000000000000","content":"x"}""", "householdId" },
    };

    [Theory]
    [MemberData(nameof(BadIntakes))]
    public async Task Bad_intake_gets_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        using var response = await _api.Personnel.SendAsync(HttpMethod.Post, "/api/petitions/cases", platform.Token("360702", Roles.TownStaff),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        Assert.Equal(0, await platform.CountAsync("petitionsdb", "SELECT count(*) FROM cases WHERE content = 'x'"));
    }

    [Fact]
    public async Task A_matter_outside_the_callers_region_is_403()
    {
        using var response = await _api.Personnel.SendAsync(HttpMethod.Post, "/api/petitions/cases", platform.Token("360702003", Roles.TownStaff),
            JsonContent.Create(new { channel = "WalkIn", matterType = "Request", categoryCode = "medical", regionCode = "360702004201", petitioner = new { name = "王" }, content = "越界" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_category_added_or_retired_applies_to_the_next_intake_at_once()
    {
        var village = await _api.Personnel.NewVillageAsync();
        var code = $"cat-{Guid.NewGuid():N}"[..20];
        async Task<HttpStatusCode> IntakeAsync()
        {
            using var response = await _api.Personnel.SendAsync(HttpMethod.Post, "/api/petitions/cases", _api.Town(village),
                JsonContent.Create(new { channel = "WalkIn", matterType = "Request", categoryCode = code, regionCode = village, petitioner = new { name = "王" }, content = "新类别" }));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await IntakeAsync());
        await _api.Personnel.OkAsync(HttpMethod.Put, $"/api/petitions/categories/{code}", _api.Personnel.Operator, new { name = "秸秆禁烧", group = "其他" });
        Assert.Equal(HttpStatusCode.Created, await IntakeAsync());
        await _api.Personnel.OkAsync(HttpMethod.Put, $"/api/petitions/categories/{code}", _api.Personnel.Operator, new { name = "秸秆禁烧", group = "其他", active = false });
        Assert.Equal(HttpStatusCode.BadRequest, await IntakeAsync());
        Assert.Equal(1, await platform.CountAsync("petitionsdb", "SELECT count(*) FROM cases WHERE category_code = @c", ("c", code)));
    }

    [Fact]
    public async Task An_Idempotency_Key_retry_returns_the_first_case()
    {
        var village = await _api.Personnel.NewVillageAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { channel = "Phone", matterType = "Suggestion", categoryCode = "sanitation", regionCode = village, content = "建议在村口增设垃圾分类点" };

        async Task<JsonElement> Post()
        {
            using var response = await _api.Personnel.SendAsync(HttpMethod.Post, "/api/petitions/cases", _api.Town(village), JsonContent.Create(body),
                r => r.Headers.Add("Idempotency-Key", key));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var first = await Post();
        var second = await Post();

        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(1, await platform.CountAsync("petitionsdb", "SELECT count(*) FROM cases WHERE region_code = @v", ("v", village)));
    }

    [Fact]
    public async Task A_household_moved_in_personnel_is_moved_in_the_petitions_read_model()
    {
        var (household, _) = await _api.HouseholdAsync();
        var target = await _api.Personnel.NewVillageAsync();

        await _api.Personnel.OkAsync(HttpMethod.Post, $"/api/personnel/households/{household}/move", _api.Personnel.TownStaff, new { villageCode = target });

        await Eventually.HoldsAsync(
            async () => await platform.CountAsync("petitionsdb", "SELECT count(*) FROM households WHERE id = @id AND village_code = @v", ("id", household), ("v", target)) == 1,
            TimeSpan.FromSeconds(30), "the move reaches the petitions read model");
        var c = await _api.RequestCase(household, _api.Town(target));
        Assert.Equal(target, c.GetProperty("regionCode").GetString());
    }
}
