using System.Security.Cryptography;
using MassWork.Testing.Servers;
using MassWork.Testing.Telemetry;

namespace MassWork.Benchmarks;

/// <summary>
/// The real platform for a benchmark: a throwaway PostgreSQL (<see cref="BenchDatabase"/>) and
/// RabbitMQ, and the AppHost with every service and the gateway on them. Every benchmark's platform
/// runs without the demo town, with the gateway's rate limits lifted — a benchmark sends its whole
/// load with one token from one address, which the limits would rightly refuse (429; the limits are
/// tested in GatewayRateLimitTests) — with one trace in ten kept, as the city deployment keeps
/// them, and waits up to 10 minutes to start on a loaded machine rather than fail before it
/// measures; a benchmark adds or overrides settings of its own. It runs without the development
/// dashboard: the services export their telemetry, as deployed, to a collector's stand-in
/// (<see cref="TelemetrySink"/>) that keeps none of it. The dashboard stores every span, log and
/// metric point in SQLite on the cores being measured — an eighth of the machine under the gateway
/// comparison, charged to whichever path makes more spans — and no deployment runs it.
/// </summary>
internal sealed class BenchPlatform : IAsyncDisposable
{
    private LocalRabbitMqServer? _broker;
    private AppHostProcess? _platform;
    private TelemetrySink? _telemetry;

    private BenchPlatform()
    {
    }

    public BenchDatabase Database { get; } = new();

    /// <summary>The key development tokens are signed with (Auth:SigningKey).</summary>
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public Uri Gateway => _platform!.Gateway;

    /// <summary>The platform's RabbitMQ (amqp://), for a benchmark's own bus beside the services'.</summary>
    public string BrokerConnectionString => _broker!.ConnectionString;

    public static async Task<BenchPlatform> StartAsync(IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var bench = new BenchPlatform();
        try
        {
            await bench.Database.StartAsync();
            bench._broker = new LocalRabbitMqServer(Path.Combine(bench.Database.Folder, "rabbitmq"), (_, _) => { });
            await bench._broker.StartAsync(cancellationToken);
            bench._telemetry = await TelemetrySink.StartAsync();
            var all = new Dictionary<string, string>
            {
                ["ConnectionStrings:postgres"] = bench.Database.ServerConnectionString,
                ["ConnectionStrings:messaging"] = bench._broker.ConnectionString,
                ["Auth:SigningKey"] = bench.SigningKey,
                ["AppHost:DataDir"] = Path.Combine(bench.Database.Folder, "apphost"),
                ["Demo:Enabled"] = "false",
                ["AppHost:StartTimeout"] = "00:10:00",
                ["Gateway:RateLimits:PerUser"] = "1000000",
                ["Gateway:RateLimits:PerAddress"] = "1000000",
                ["Gateway:RateLimits:SignInPerAddress"] = "1000000",
                ["Gateway:RateLimits:PublicQueryPerAddress"] = "1000000",
                // Traces sampled as the city deployment samples them (its overlay's trace-sample-ratio).
                ["Telemetry:TraceSampleRatio"] = "0.1",
                ["AppHost:Dashboard"] = "false",
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = bench._telemetry.Address.ToString(),
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            bench._platform = AppHostProcess.Start(bench.Database.Folder, all);
            await bench._platform.WaitHealthyAsync(TimeSpan.FromMinutes(10));
            await bench.RequireTelemetryAsync(cancellationToken);
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    /// <summary>The services export every few seconds: a platform whose telemetry reaches nobody would be measured without its cost.</summary>
    private async Task RequireTelemetryAsync(CancellationToken cancellationToken)
    {
        for (var waited = 0; waited < 60 && _telemetry!.MetricExports == 0; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        if (_telemetry!.MetricExports == 0)
        {
            throw new InvalidOperationException("No telemetry reached the collector's stand-in within a minute of start: the platform would be measured without its cost. Nothing was timed.");
        }

        BenchReport.Line("shape: telemetry exported", $"{_telemetry.Summary} received at start-up by the collector's stand-in");
    }

    /// <summary>Where a service's own web server listens, to measure it without the gateway.</summary>
    public Uri ServiceAddress(string assembly) => new(ServiceEnvironment(assembly)["ASPNETCORE_URLS"].Split(';')[0]);

    /// <summary>
    /// The environment the AppHost gave a service of this platform: that of the process running
    /// <paramref name="assembly"/> that carries this platform's signing key (another platform may run
    /// beside it on the machine).
    /// </summary>
    public Dictionary<string, string> ServiceEnvironment(string assembly)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(process, "cmdline")).Contains(assembly, StringComparison.Ordinal))
                {
                    continue;
                }

                var environment = File.ReadAllText(Path.Combine(process, "environ")).Split('\0', StringSplitOptions.RemoveEmptyEntries)
                    .Select(e => e.Split('=', 2)).Where(e => e.Length == 2).ToDictionary(e => e[0], e => e[1]);
                if (environment.GetValueOrDefault("Auth__SigningKey") == SigningKey)
                {
                    return environment;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read, or is another user's.
            }
        }

        throw new InvalidOperationException($"No process of {assembly} on this platform was found.");
    }

    /// <summary>A development token of the platform, on the given clock (the system's by default).</summary>
    public string Token(string userId, string[] roles, string region, TimeProvider? clock = null) =>
        new DevTokenIssuer(new AuthOptions { SigningKey = SigningKey }, clock ?? TimeProvider.System).Issue(userId, roles, region);

    /// <summary>A client of the gateway (or of <paramref name="address"/>) with up to <paramref name="connections"/> connections, sending the token when given.</summary>
    public HttpClient Client(int connections, string? token = null, TimeSpan? timeout = null, bool followRedirects = true, Uri? address = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, AllowAutoRedirect = followRedirects, UseCookies = false })
        {
            BaseAddress = address ?? Gateway, Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }

        if (_telemetry is not null)
        {
            BenchReport.Line("telemetry exported", _telemetry.Summary);
            await _telemetry.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
