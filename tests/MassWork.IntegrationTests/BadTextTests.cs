using System.Net.Sockets;

namespace MassWork.IntegrationTests;

/// <summary>Text that once reached PostgreSQL or the proxy and came back as a 5xx is now a 4xx naming it, with nothing stored.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BadTextTests(PlatformFixture platform)
{
    [Theory]
    [InlineData(@"张\u0000三")]
    [InlineData(@"张\u0007三")]
    [InlineData(@"张\ud800三")]
    public async Task A_control_character_or_broken_unicode_in_a_json_field_is_a_400_naming_it(string escapedName)
    {
        var number = Households.NewNumber();
        var body = new StringContent($$"""{"householdNumber":"{{number}}","villageCode":"{{Households.Village}}","headName":"{{escapedName}}","address":"和平路1号"}""",
            Encoding.UTF8, "application/json");

        var problem = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/personnel/households", body);

        Assert.Equal(["$.headName"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", number)));
    }

    [Fact]
    public async Task A_nul_in_a_query_or_route_value_is_a_400_naming_it()
    {
        var query = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/personnel/households?name=%00");
        Assert.True(query.GetProperty("errors").TryGetProperty("name", out _));

        var route = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/petitions/open311/v2/services/a%07b.json", token: null);
        Assert.Single(route.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task An_upload_named_with_a_nul_is_refused_before_anything_is_written()
    {
        var jobs = await platform.CountAsync("personneldb", "SELECT count(*) FROM import_jobs");
        var csv = new StringContent("household_number,village_code,head_name\n", Encoding.UTF8, "text/csv");

        var problem = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/personnel/imports?fileName=a%00.csv", csv);

        Assert.True(problem.GetProperty("errors").TryGetProperty("fileName", out _));
        Assert.Equal(jobs, await platform.CountAsync("personneldb", "SELECT count(*) FROM import_jobs"));
    }

    [Fact]
    public async Task A_body_in_a_charset_nobody_decodes_is_a_415()
    {
        var number = Households.NewNumber();
        var body = new StringContent(JsonSerializer.Serialize(new { householdNumber = number, villageCode = Households.Village, headName = "李四" }));
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=ebcdic");

        await ProblemAsync(HttpStatusCode.UnsupportedMediaType, HttpMethod.Post, "/api/personnel/households", body);

        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", number)));
    }

    [Fact]
    public async Task An_open311_form_key_over_the_limit_is_a_400()
    {
        var body = new FormUrlEncodedContent([new(new string('k', 3000), "v"), new("service_code", "roads-irrigation")]);

        var problem = await ProblemAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/petitions/open311/v2/requests.json", body, token: null);

        Assert.True(problem.GetProperty("errors").TryGetProperty("form", out _));
    }

    [Fact]
    public async Task A_non_ascii_header_byte_is_a_400_from_the_gateway_not_a_502()
    {
        // HttpClient will not send such a header, so the request is written by hand, as an attacker would.
        var gateway = platform.Gateway.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.Host, gateway.Port);
        await using var stream = tcp.GetStream();
        var head = Encoding.ASCII.GetBytes($"GET /api/personnel/households HTTP/1.1\r\nHost: {gateway.Authority}\r\nAuthorization: Bearer {platform.Token()}\r\nIdempotency-Key: k");
        await stream.WriteAsync(head.Concat("é"u8.ToArray()).Concat(Encoding.ASCII.GetBytes("\r\nConnection: close\r\n\r\n")).ToArray());
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains("Idempotency-Key", response);
    }

    [Fact]
    public async Task Sending_back_or_objecting_to_a_case_nobody_holds_is_a_409_not_a_500()
    {
        var api = new PetitionsApi(platform);
        var (household, village) = await api.HouseholdAsync("彭丽华");
        var town = api.Town(village);
        var id = (await api.RequestCase(household, town)).GetProperty("id").GetGuid();

        foreach (var step in new[] { "send-back", "object" })
        {
            using var response = await api.SendStepAsync(id, step, town, new { reason = "不属于本单位职责" });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }

        Assert.Equal("Registered", (await api.GetAsync(id, town)).GetProperty("status").GetString());
    }

    private async Task<JsonElement> ProblemAsync(HttpStatusCode expected, HttpMethod method, string path, HttpContent? body = null, string? token = "")
    {
        using var response = await platform.Gateway.SendAsync(platform.Request(method, path, token == "" ? platform.Token() : token, body));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
