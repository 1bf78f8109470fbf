using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MassWork.IntegrationTests.Infrastructure;
using MassWork.ServiceDefaults.Auth;

namespace MassWork.IntegrationTests;

/// <summary>
/// The platform as a city runs it (AppHost:Environment=Production): no development tokens — the
/// gateway answers 404 at /dev/token and the services refuse an HMAC token — and the identity
/// service's tokens are the way in.
/// </summary>
[Collection(Name)]
public sealed class ProductionPlatformTests : IAsyncLifetime
{
    public const string Name = "platform-production";
    private const string ClientId = "county-cases-360702";
    private readonly string _clientSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
    private readonly InfrastructureFixture _infrastructure = new();
    private DistributedApplication? _app;
    private HttpClient _gateway = null!;

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
            ["Identity:Clients:0:ClientSecret"] = _clientSecret,
            ["Identity:Clients:0:Role"] = Roles.CountyDepartment,
            ["Identity:Clients:0:Region"] = "360702",
        };
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MassWork_AppHost>(
            [.. settings.Select(s => $"--{s.Key}={s.Value}")], (options, _) => options.DisableDashboard = true);
        _app = await builder.BuildAsync();
        await _app.StartAsync();
        await PlatformStart.WaitHealthyAsync(_app, "gateway", TimeSpan.FromMinutes(6));
        _gateway = new HttpClient { BaseAddress = _app.GetEndpoint("gateway", "http"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _gateway?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task Development_tokens_are_refused_and_identity_tokens_accepted()
    {
        using (var devToken = await _gateway.PostAsJsonAsync("/dev/token", new { roles = new[] { Roles.Operator }, region = "3607" }))
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

        using var token = await _gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["client_secret"] = _clientSecret,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.StatusCode == HttpStatusCode.OK, body.ToString());
        using var accepted = await GetCadresAsync(body.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private async Task<HttpResponseMessage> GetCadresAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/personnel/cadres?pageSize=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _gateway.SendAsync(request);
    }
}

[CollectionDefinition(ProductionPlatformTests.Name)]
public sealed class ProductionPlatformCollection;
