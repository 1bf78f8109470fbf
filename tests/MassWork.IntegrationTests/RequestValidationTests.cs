namespace MassWork.IntegrationTests;

/// <summary>Bad input and bad callers get a 4xx ProblemDetails and change nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RequestValidationTests(PlatformFixture platform)
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_place()
    {
        var number = Households.NewNumber();
        var body = new StringContent($$"""{"householdNumber":"{{number}}","villageCode":""", Encoding.UTF8, "application/json");

        var problem = await SendExpectingProblemAsync(HttpStatusCode.BadRequest, platform.Token(), body);

        Assert.True(problem.TryGetProperty("errors", out var errors));
        Assert.Contains("villageCode", errors.EnumerateObject().Single().Name);
        await AssertNotStoredAsync(number);
    }

    [Fact]
    public async Task A_missing_field_is_a_400_problem_naming_the_field()
    {
        var number = Households.NewNumber();
        var body = JsonContent.Create(new { householdNumber = number, villageCode = Households.Village, address = "和平路1号" });

        var problem = await SendExpectingProblemAsync(HttpStatusCode.BadRequest, platform.Token(), body);

        var errors = problem.GetProperty("errors");
        Assert.Equal(["headName"], errors.EnumerateObject().Select(e => e.Name));
        await AssertNotStoredAsync(number);
    }

    [Fact]
    public async Task A_village_code_that_is_not_a_village_is_a_400_problem()
    {
        var number = Households.NewNumber();

        var problem = await SendExpectingProblemAsync(HttpStatusCode.BadRequest, platform.Token(), Households.Body(number, village: "360702001000"));

        Assert.True(problem.GetProperty("errors").TryGetProperty("villageCode", out _));
        await AssertNotStoredAsync(number);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var number = Households.NewNumber();
        var padding = new string('x', 2 * 1024 * 1024);
        var body = new StringContent($$"""{"householdNumber":"{{number}}","villageCode":"{{Households.Village}}","address":"{{padding}}","headName":"李四"}""", Encoding.UTF8, "application/json");

        await SendExpectingProblemAsync(HttpStatusCode.RequestEntityTooLarge, platform.Token(), body);

        await AssertNotStoredAsync(number);
    }

    [Fact]
    public async Task No_token_is_a_401_problem()
    {
        var number = Households.NewNumber();

        await SendExpectingProblemAsync(HttpStatusCode.Unauthorized, token: null, Households.Body(number));

        await AssertNotStoredAsync(number);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_a_401()
    {
        var number = Households.NewNumber();
        var forged = new DevTokenIssuer(new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) }, platform.Clock)
            .Issue("intruder", [Roles.Operator], "36");

        await SendExpectingProblemAsync(HttpStatusCode.Unauthorized, forged, Households.Body(number));

        await AssertNotStoredAsync(number);
    }

    [Fact]
    public async Task A_token_for_another_region_is_a_403_problem()
    {
        var number = Households.NewNumber();

        var problem = await SendExpectingProblemAsync(HttpStatusCode.Forbidden, platform.Token(PlatformFixture.OtherRegion), Households.Body(number));

        Assert.Contains("villageCode", problem.GetProperty("detail").GetString());
        await AssertNotStoredAsync(number);
    }

    [Fact]
    public async Task A_role_that_may_not_register_households_is_a_403()
    {
        var number = Households.NewNumber();

        await SendExpectingProblemAsync(HttpStatusCode.Forbidden, platform.Token(role: Roles.Leader), Households.Body(number));

        await AssertNotStoredAsync(number);
    }

    [Fact]
    public async Task Reads_are_scoped_to_the_callers_region()
    {
        var number = Households.NewNumber();
        using var created = await platform.Gateway.SendAsync(
            platform.Request(HttpMethod.Post, "/api/personnel/households", platform.Token(), Households.Body(number)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var own = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, $"/api/personnel/households/{id}", platform.Token()));
        using var other = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, $"/api/personnel/households/{id}", platform.Token(PlatformFixture.OtherRegion)));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private async Task<JsonElement> SendExpectingProblemAsync(HttpStatusCode expected, string? token, HttpContent body)
    {
        using var response = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Post, "/api/personnel/households", token, body));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private async Task AssertNotStoredAsync(string number)
    {
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", number)));
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM outbox_messages WHERE payload->>'householdNumber' = @n", ("n", number)));
    }
}
