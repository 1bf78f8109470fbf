using System.Net.Http.Headers;

namespace MassWork.ServiceTests.Personnel;

/// <summary>The personnel service on servers of its own, so stopping its database disturbs no other test.</summary>
public sealed class OutagePersonnelFixture : PersonnelFixture;

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutagePersonnelFixture>
{
    public const string Name = "personnel-outage";
}

/// <summary>With PostgreSQL stopped, requests get 503 with Retry-After and health names the database; once it is back, they work again.</summary>
[Collection(OutageCollection.Name)]
public sealed class DatabaseOutageTests(OutagePersonnelFixture service)
{
    [Fact]
    public async Task A_stopped_database_is_a_503_with_retry_after_and_health_says_which_dependency_is_down()
    {
        var staff = service.Token("360702", Roles.TownStaff, "test-town-staff");
        var number = $"OUT-{Guid.NewGuid():N}"[..16];
        var village = "360702001901";
        await service.SendAsync(HttpMethod.Post, "/api/personnel/regions/import", service.Token("3607", Roles.Operator, "test-operator"),
            new StringContent($"code,name,level,parent_code\n{village},停电村,village,360702001000\n", System.Text.Encoding.UTF8, "text/csv"));
        var household = new { householdNumber = number, villageCode = village, address = "和平路1号", headName = "钟秀英" };

        await service.Infrastructure.StopDatabaseAsync();
        try
        {
            using var write = await SendAsync(HttpMethod.Post, "/api/personnel/households", staff, household);
            using var read = await SendAsync(HttpMethod.Get, "/api/personnel/households?name=钟", staff);
            foreach (var response in new[] { write, read })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the client when to come back");
            }

            using var health = await service.Client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var entries = (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries");
            Assert.Equal("Unhealthy", entries.GetProperty("database").GetProperty("status").GetString());
        }
        finally
        {
            await service.Infrastructure.StartDatabaseAsync();
        }

        // Back: the refused write was not half-made, and the same write now succeeds.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode status;
        string answer;
        do
        {
            using var retry = await SendAsync(HttpMethod.Post, "/api/personnel/households", staff, household);
            (status, answer) = (retry.StatusCode, await retry.Content.ReadAsStringAsync());
            await Task.Delay(status == HttpStatusCode.Created ? 0 : 500);
        }
        while (status != HttpStatusCode.Created && DateTime.UtcNow < deadline);

        Assert.True(status == HttpStatusCode.Created, $"the write succeeds once the database is back; last answer {(int)status} {answer}");
        Assert.Equal(1, await service.Infrastructure.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", number)));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await service.Client.SendAsync(request);
    }
}
