namespace MassWork.IntegrationTests;

/// <summary>Security headers on every gateway answer; the caller is who the token says, whatever the headers claim.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewaySecurityTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    [Theory]
    [InlineData("/api/personnel/households?pageSize=1", true)]
    [InlineData("/api/personnel/households/not-a-guid", true)]
    [InlineData("/api/visits/visits", false)]
    [InlineData("/health", false)]
    [InlineData("/api/nowhere", false)]
    public async Task Every_answer_carries_the_security_headers(string path, bool withToken)
    {
        using var response = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, path, withToken ? platform.Token() : null));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        // Development: no HSTS (plain HTTP on one machine).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_sign_in_pages_keep_their_own_policy_and_still_render_and_the_api_reference_still_loads_its_script()
    {
        using var page = await platform.Gateway.GetAsync("/account/activate");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form", await page.Content.ReadAsStringAsync());
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        using var reference = await platform.Gateway.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("frame-ancestors 'none'", reference.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Forged_identity_headers_are_ignored_only_the_token_counts()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village);
        var path = $"/api/personnel/households/{household}";
        void Forge(HttpRequestMessage request)
        {
            request.Headers.Add("X-Forwarded-User", "admin");
            request.Headers.Add("X-User-Id", "test-town-staff");
            request.Headers.Add("X-Remote-User", "test-town-staff");
            request.Headers.Add("X-Region", "3607");
            request.Headers.Add("X-Roles", Roles.Operator);
            request.Headers.Add("X-Forwarded-For", "10.0.0.1");
            request.Headers.Add("Forwarded", "for=10.0.0.1;proto=https");
        }

        using var noToken = await _api.SendAsync(HttpMethod.Get, path, null, configure: Forge);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        var otherRegion = platform.Token(PlatformFixture.OtherRegion, Roles.TownStaff, "test-town-staff");
        using var outside = await _api.SendAsync(HttpMethod.Get, path, otherRegion, configure: Forge);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);

        using var own = await _api.SendAsync(HttpMethod.Get, path, _api.TownStaff, configure: Forge);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
