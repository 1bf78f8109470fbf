namespace MassWork.IntegrationTests;

/// <summary>
/// The gateway's rate limits, on a platform where a user may send 30 requests a minute and an
/// address 10 sign-in requests: beyond them 429 with Retry-After and a ProblemDetails body.
/// </summary>
[Collection(HardenedPlatformCollection.Name)]
public sealed class GatewayRateLimitTests(HardenedPlatformFixture platform)
{
    [Fact]
    public async Task A_burst_from_one_user_beyond_the_limit_gets_429_with_Retry_After_while_another_user_is_served()
    {
        var burst = platform.Token(userId: $"burst-{Guid.NewGuid():N}");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < HardenedPlatformFixture.PerUser + 5; i++)
        {
            var response = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, "/api/personnel/households?pageSize=1", burst));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused?.Dispose();
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.All(statuses.Take(HardenedPlatformFixture.PerUser), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(HardenedPlatformFixture.PerUser), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        using (refused)
        {
            var retryAfter = int.Parse(refused!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        }

        using var other = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, "/api/personnel/households?pageSize=1", platform.Token(userId: $"calm-{Guid.NewGuid():N}")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Sign_in_is_limited_per_address_and_a_forged_X_Forwarded_For_does_not_make_a_new_address()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < HardenedPlatformFixture.SignInPerAddress + 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = "guesser", ["client_secret"] = $"guess-{i}-and-some-more-characters",
                }),
            };
            // Each try claims to come from somewhere else.
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            request.Headers.Add("X-Real-IP", $"198.51.100.{i + 1}");
            using var response = await platform.Gateway.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.All(statuses.Take(HardenedPlatformFixture.SignInPerAddress), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(HardenedPlatformFixture.SignInPerAddress), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // The API's own budget for this address is apart from the sign-in one.
        using var api = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, "/api/personnel/households?pageSize=1", platform.Token(userId: $"after-sign-in-{Guid.NewGuid():N}")));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task The_public_case_query_is_limited_per_address_apart_from_the_API()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < HardenedPlatformFixture.PublicQueryPerAddress + 2; i++)
        {
            // Guessing a case number and phone: each try is answered alike until the address's budget is spent.
            using var response = await platform.Gateway.PostAsJsonAsync("/api/petitions/public/codes", new { caseNumber = $"GUESS-{i}", phone = $"1390000{i:D4}" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(HardenedPlatformFixture.PublicQueryPerAddress), s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.All(statuses.Skip(HardenedPlatformFixture.PublicQueryPerAddress), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        using var api = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, "/api/personnel/households?pageSize=1", platform.Token(userId: $"after-query-{Guid.NewGuid():N}")));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }
}
