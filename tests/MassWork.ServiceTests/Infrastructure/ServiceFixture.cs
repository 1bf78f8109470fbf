using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;

namespace MassWork.ServiceTests.Infrastructure;

/// <summary>
/// What every in-process service test shares: throwaway PostgreSQL and RabbitMQ, the keys the
/// AppHost would hand out, and a <see cref="FakeTimeProvider"/> that stands still at
/// <see cref="TestClock.Start"/> until a test moves it.
/// </summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public InfrastructureFixture Infrastructure { get; } = new();

    public FakeTimeProvider Clock { get; } = new(TestClock.Start.ToUniversalTime());

    public HttpClient Client { get; protected set; } = null!;

    /// <summary>The settings every service receives: its database, the broker, token and personal-data keys.</summary>
    protected Dictionary<string, string> CommonSettings(string database, string connectionString) => new()
    {
        [$"ConnectionStrings:{database}"] = connectionString,
        ["ConnectionStrings:messaging"] = Infrastructure.BrokerConnectionString,
        ["Auth:SigningKey"] = _signingKey,
        ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    public async Task InitializeAsync()
    {
        await Infrastructure.StartAsync();
        await StartServiceAsync();

        // Started is not ready: the service's consumers bind their queues in the background, and an
        // event published before that reaches nobody. /health is ready only once they are bound.
        await Eventually.HoldsAsync(async () =>
        {
            using var health = await Client.GetAsync("/health");
            return health.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), "the service ready: database, broker and its consumers bound");
    }

    protected abstract Task StartServiceAsync();

    protected abstract ValueTask StopServiceAsync();

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await StopServiceAsync();
        await Infrastructure.DisposeAsync();
    }

    /// <summary>A token minted on the test's clock, as the gateway would mint it.</summary>
    public string Token(string region, string role, string userId = "test-user") =>
        new DevTokenIssuer(new AuthOptions { SigningKey = _signingKey }, Clock).Issue(userId, [role], region);

    /// <summary>Moves the clock forward to the instant, held in UTC as every real clock reports it.</summary>
    public void SetClock(DateTimeOffset instant) => Clock.SetUtcNow(instant.ToUniversalTime());

    /// <summary>Sends a request (a JSON body, or content as it is) and checks the status; the body as JSON.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, object? body = null, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body as HttpContent ?? (body is null ? null : JsonContent.Create(body)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
