using System.Diagnostics;

namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class GatewayTests(PlatformFixture platform)
{
    public static readonly TheoryData<string> Services = new() { "personnel", "visits", "petitions", "projects", "notifications" };

    [Fact]
    public async Task Health_aggregates_every_service()
    {
        using var response = await platform.Gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var entries = report.GetProperty("entries");
        foreach (var service in Services)
        {
            Assert.Equal("Healthy", entries.GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_services_openapi_document_is_served_through_the_gateway(string service)
    {
        using var response = await platform.Gateway.GetAsync($"/openapi/{service}.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Contains("MassWork", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_api_reference_lists_all_five_services()
    {
        using var response = await platform.Gateway.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var service in Services)
        {
            Assert.Contains($"\"url\":\"openapi/{service}.json\"", page);
        }
    }

    [Fact]
    public async Task The_callers_trace_context_reaches_the_service()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var request = platform.Request(HttpMethod.Post, "/api/personnel/households", platform.Token(),
            new StringContent("{", Encoding.UTF8, "application/json"));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await platform.Gateway.SendAsync(request);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(traceId.ToString(), problem.GetProperty("traceId").GetString());
    }
}
