using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MassWork.IntegrationTests;

/// <summary>
/// The platform as a city runs it (AppHost:Environment=Production): no development tokens — the
/// gateway answers 404 at /dev/token and the services refuse an HMAC token — and the identity
/// service's tokens the only way in, starting from the first operator the installer configured.
/// </summary>
[Collection(ProductionPlatformFixture.Name)]
public sealed class ProductionPlatformTests(ProductionPlatformFixture platform)
{
    [Fact]
    public async Task Development_tokens_are_refused_and_identity_tokens_accepted()
    {
        using (var devToken = await platform.Gateway.PostAsJsonAsync("/dev/token", new { roles = new[] { Roles.Operator }, region = "3607" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);
        }

        // A token as /dev/token makes them in Development: HMAC-signed, Development issuer, every claim right.
        var hmac = new DevTokenIssuer(new AuthOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, TimeProvider.System)
            .Issue("intruder", [Roles.Operator], "3607");
        using (var refused = await GetCadresAsync(hmac))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var token = await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ProductionPlatformFixture.ClientId, ["client_secret"] = platform.ClientSecret,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.StatusCode == HttpStatusCode.OK, body.ToString());
        using var accepted = await GetCadresAsync(body.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task The_first_operator_activates_signs_in_with_both_factors_and_invites_staff_who_sign_in()
    {
        var identity = new IdentityApi(platform.Gateway, TimeProvider.System, operatorToken: "");
        using var accounts = await platform.Gateway.GetAsync("/api/identity/accounts");
        Assert.Equal(HttpStatusCode.Unauthorized, accounts.StatusCode);

        // The installer's code opens the first operator's account; nothing else exists yet.
        var firstOperator = await identity.Staff.ActivateAsync(Guid.Empty, ProductionPlatformFixture.FirstOperator, platform.FirstOperatorCode, IdentityApi.StrongPassword);
        identity.Operator = (await identity.Staff.SignInAsync(firstOperator)).AccessToken;
        Assert.Equal(Roles.Operator, new JsonWebToken(identity.Operator).GetClaim(MassWorkClaims.Role).Value);

        var staff = await identity.NewStaffAsync(Roles.TownStaff, "360702");
        var tokens = await identity.Staff.SignInAsync(staff);
        using var response = await GetCadresAsync(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Answers_over_HTTPS_from_the_trusted_proxy_carry_HSTS_and_plain_HTTP_ones_do_not()
    {
        // The TLS-terminating proxy in front (here: this test, from the trusted loopback network) says how the client came.
        using var https = new HttpRequestMessage(HttpMethod.Get, "/api/personnel/cadres?pageSize=1");
        https.Headers.Host = "masswork.example.cn";
        https.Headers.Add("X-Forwarded-Proto", "https");
        using var secured = await platform.Gateway.SendAsync(https);
        Assert.Equal(HttpStatusCode.Unauthorized, secured.StatusCode);
        Assert.Equal("max-age=31536000", secured.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal("nosniff", secured.Headers.GetValues("X-Content-Type-Options").Single());

        using var plain = new HttpRequestMessage(HttpMethod.Get, "/api/personnel/cadres?pageSize=1");
        plain.Headers.Host = "masswork.example.cn";
        using var unsecured = await platform.Gateway.SendAsync(plain);
        Assert.False(unsecured.Headers.Contains("Strict-Transport-Security"));
    }

    private async Task<HttpResponseMessage> GetCadresAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/personnel/cadres?pageSize=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await platform.Gateway.SendAsync(request);
    }
}

/// <summary>A platform of its own in the Production environment, with one integrating system and the installer's first operator configured.</summary>
public sealed class ProductionPlatformFixture : IAsyncLifetime
{
    public const string Name = "platform-production";
    public const string ClientId = "county-cases-360702";
    public const string FirstOperator = "ops.admin";

    private readonly InfrastructureFixture _infrastructure = new();
    private DistributedApplication? _app;

    public string ClientSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public string FirstOperatorCode { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _infrastructure.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["AppHost:Environment"] = "Production",
            ["ConnectionStrings:postgres"] = _infrastructure.PostgresConnectionString,
            ["ConnectionStrings:messaging"] = _infrastructure.BrokerConnectionString,
            ["AppHost:DataDir"] = Path.Combine(_infrastructure.Directory, "apphost"),
            ["Gateway:Port"] = MassWork.Testing.Servers.FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Demo:Enabled"] = "false",
            // A second platform in the same run, on a machine that may be busy: more time than the AppHost's default.
            ["AppHost:StartTimeout"] = "00:06:00",
            ["Identity:Clients:0:ClientId"] = ClientId,
            ["Identity:Clients:0:ClientSecret"] = ClientSecret,
            ["Identity:Clients:0:Role"] = Roles.CountyDepartment,
            ["Identity:Clients:0:Region"] = "360702",
            ["Identity:FirstOperator:UserName"] = FirstOperator,
            ["Identity:FirstOperator:Region"] = "3607",
            ["Identity:FirstOperator:InvitationCode"] = FirstOperatorCode,
            // The tests stand in for the TLS-terminating proxy in front of the gateway.
            ["Gateway:TrustedProxies"] = "127.0.0.0/8,::1/128",
        };
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MassWork_AppHost>(
            [.. settings.Select(s => $"--{s.Key}={s.Value}")], (options, _) => options.DisableDashboard = true);
        _app = await builder.BuildAsync();
        await _app.StartAsync();
        await PlatformStart.WaitHealthyAsync(_app, "gateway", TimeSpan.FromMinutes(6));
        Gateway = new HttpClient { BaseAddress = _app.GetEndpoint("gateway", "http"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(ProductionPlatformFixture.Name)]
public sealed class ProductionPlatformCollection : ICollectionFixture<ProductionPlatformFixture>;
