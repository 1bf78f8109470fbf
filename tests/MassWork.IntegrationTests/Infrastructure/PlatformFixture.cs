using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Clock;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>
/// The whole platform for a test collection: throwaway PostgreSQL and RabbitMQ, and the AppHost,
/// started in this process by Aspire.Hosting.Testing, running the five services, the SMS simulator
/// and the gateway against them (its "existing servers" mode), with a state folder of its own.
/// Rate limits are out of the way here (the fuzz tests alone send thousands of requests);
/// <see cref="HardenedPlatformFixture"/> runs a platform with tight limits and short retention.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public const string Region = "360702";
    public const string OtherRegion = "360703";

    public const long PhotoMaxBytes = 256 * 1024;

    /// <summary>An integrating system registered for the client credentials flow (the 12345 hotline of 章贡区).</summary>
    public const string HotlineClientId = "hotline-12345";

    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private DistributedApplication? _app;

    public PlatformFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A platform whose AppHost settings differ from the usual test run's by <paramref name="overrides"/>.</summary>
    protected PlatformFixture(IReadOnlyDictionary<string, string> overrides)
    {
        _overrides = overrides;
    }

    /// <summary>
    /// The platform's clock: every service, the gateway and the tests' tokens read the same shifted
    /// time, starting at <see cref="TestClock.Start"/> when the fixture starts and flowing from there.
    /// </summary>
    public ShiftedClock Clock { get; } = ShiftedClock.StartingAt(TestClock.Start);

    public InfrastructureFixture Infrastructure { get; } = new();

    /// <summary>The AppHost's state folder; its blob store (Blobs:Provider=Folder) keeps files under blobs/.</summary>
    public string DataDirectory => Path.Combine(Infrastructure.Directory, "apphost");

    public string HotlineClientSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The SMS simulator the notifications service sends through (its /simulator/… test endpoints).</summary>
    public HttpClient Simulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Infrastructure.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:postgres"] = Infrastructure.PostgresConnectionString,
            ["ConnectionStrings:messaging"] = Infrastructure.BrokerConnectionString,
            ["Auth:SigningKey"] = _signingKey,
            ["AppHost:DataDir"] = DataDirectory,
            ["Gateway:Port"] = MassWork.Testing.Servers.FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Demo:Enabled"] = "false",
            ["Petitions:SweepInterval"] = "00:00:01",
            ["Visits:SweepInterval"] = "00:00:01",
            ["Visits:FiguresRefreshInterval"] = "00:00:01",
            ["Personnel:ImportHouseholdsPerChunk"] = "2",
            ["Clock:Offset"] = Clock.Offset.ToString("c", CultureInfo.InvariantCulture),
            ["Sms:FirstRetryDelay"] = "00:00:00.200",
            // Tests steer failures themselves; the simulator's random ones (1% by default) would make them flaky.
            ["Sms:SimulatorFailureRate"] = "0",
            ["Sms:SimulatorDeliveryFailureRate"] = "0",
            // Photos of 256 KiB at most, so a photo too large costs the tests little to send.
            ["Photos:MaxBytes"] = PhotoMaxBytes.ToString(CultureInfo.InvariantCulture),
            ["Identity:Clients:0:ClientId"] = HotlineClientId,
            ["Identity:Clients:0:ClientSecret"] = HotlineClientSecret,
            ["Identity:Clients:0:DisplayName"] = "章贡区12345热线",
            ["Identity:Clients:0:Role"] = Roles.CountyDepartment,
            ["Identity:Clients:0:Region"] = Region,
            ["Gateway:RateLimits:PerUser"] = "1000000",
            ["Gateway:RateLimits:PerAddress"] = "1000000",
            ["Gateway:RateLimits:SignInPerAddress"] = "1000000",
            ["Gateway:RateLimits:PublicQueryPerAddress"] = "1000000",
        };
        foreach (var (key, value) in _overrides)
        {
            settings[key] = value;
        }

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MassWork_AppHost>(
            [.. settings.Select(s => $"--{s.Key}={s.Value}")], (options, _) => options.DisableDashboard = true);
        _app = await builder.BuildAsync();
        await _app.StartAsync();
        await PlatformStart.WaitHealthyAsync(_app, "gateway", TimeSpan.FromMinutes(4));
        Gateway = new HttpClient { BaseAddress = _app.GetEndpoint("gateway", "http"), Timeout = TimeSpan.FromSeconds(60) };
        Simulator = new HttpClient { BaseAddress = _app.GetEndpoint("smssim", "http"), Timeout = TimeSpan.FromSeconds(30) };
        await LoadTestVillagesAsync();
    }

    /// <summary>The AppHost loads the city's towns; the villages the tests use are added through the region import.</summary>
    private async Task LoadTestVillagesAsync()
    {
        using var request = Request(HttpMethod.Post, "/api/personnel/regions/import", Token("3607", Roles.Operator),
            new StringContent(Households.VillageCsv, System.Text.Encoding.UTF8, "text/csv"));
        using var response = await Gateway.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Loading test villages failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Simulator?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Infrastructure.DisposeAsync();
    }

    public string Token(string region = Region, string role = Roles.TownStaff, string userId = "test-user") =>
        new DevTokenIssuer(new AuthOptions { SigningKey = _signingKey }, Clock).Issue(userId, [role], region);

    /// <summary>A token of several roles at once.</summary>
    public string TokenOfRoles(string region, IEnumerable<string> roles, string userId = "test-user") =>
        new DevTokenIssuer(new AuthOptions { SigningKey = _signingKey }, Clock).Issue(userId, roles, region);

    public HttpRequestMessage Request(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>Publishes straight to the broker, as another service would, the same message id each time (a redelivery).</summary>
    public Task PublishAsync<T>(T message, Guid messageId, int times = 1)
        where T : class => Infrastructure.PublishAsync(message, messageId, times);

    public string DatabaseConnectionString(string database) => Infrastructure.DatabaseConnectionString(database);

    /// <summary>Every line a resource (a service, the gateway) has written to its console so far.</summary>
    public async Task<IReadOnlyList<string>> ConsoleLogAsync(string resource)
    {
        var model = _app!.Services.GetRequiredService<DistributedApplicationModel>();
        var logs = _app.Services.GetRequiredService<ResourceLoggerService>();
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var batch in logs.GetAllAsync(model.Resources.Single(r => r.Name == resource)).WithCancellation(timeout.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
            }
        }
        catch (OperationCanceledException)
        {
            // The backlog is what was written until now; a stream still open is cut here.
        }

        return lines;
    }

    /// <summary>
    /// Starts the broker again after a test stopped it, and waits until every service's consumers
    /// are back: the next test must not meet a platform still reconnecting. A service whose
    /// consumers do not come back fails the test here, naming the endpoints still down.
    /// </summary>
    public async Task StartBrokerAsync()
    {
        await Infrastructure.StartBrokerAsync();
        await WaitForConsumersAsync(TimeSpan.FromMinutes(3));
    }

    /// <summary>The exit code of the resource's next exit (a restart by the host follows it); null if it did not exit within <paramref name="timeout"/>.</summary>
    public async Task<int?> NextExitAsync(string resource, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var e in _app!.ResourceNotifications.WatchAsync(cancel.Token))
            {
                if (e.Resource.Name == resource && e.Snapshot.State?.Text is "Exited" or "Finished" && e.Snapshot.ExitCode is { } code)
                {
                    return code;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Did not exit in time: the caller says what it expected.
        }

        return null;
    }

    /// <summary>Waits until each messaging service's bus reports every receive endpoint ready on its /health.</summary>
    public async Task WaitForConsumersAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waiting = MessagingServices.ToDictionary(s => s, _ => "not asked yet");
        var deadline = DateTime.UtcNow + timeout;
        while (waiting.Count > 0)
        {
            foreach (var service in waiting.Keys.ToList())
            {
                var bus = await BusHealthAsync(http, service);
                if (bus is null)
                {
                    waiting.Remove(service);
                }
                else
                {
                    waiting[service] = bus;
                }
            }

            if (waiting.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Consumers not back {timeout} after the broker returned: {string.Join("; ", waiting.Select(w => $"{w.Key}: {w.Value}"))}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static readonly string[] MessagingServices = ["personnel", "visits", "petitions", "projects", "notifications", "identity"];

    /// <summary>Null when the service's bus is healthy; otherwise what its health says (or why it could not be asked).</summary>
    private async Task<string?> BusHealthAsync(HttpClient http, string service)
    {
        try
        {
            using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(_app!.GetEndpoint(service, "http"), "/health")));
            if (!health.RootElement.GetProperty("entries").TryGetProperty("masstransit-bus", out var bus))
            {
                return null;
            }

            return bus.GetProperty("status").GetString() == "Healthy" ? null : $"{bus.GetProperty("status").GetString()} ({bus.GetProperty("description").GetString()})";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return e.Message;
        }
    }

    public Task<long> CountAsync(string database, string sql, params (string Name, object Value)[] parameters) =>
        Infrastructure.CountAsync(database, sql, parameters);
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
