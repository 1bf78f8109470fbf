using System.Net.Sockets;
using System.Security.Cryptography;
using MassWork.Testing.Servers;
using MassWork.Notifications.Data;
using MassWork.Notifications.Digest;
using MassWork.Notifications.Dispatch;
using MassWork.SmsSimulator;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceTests.Notifications;

/// <summary>
/// The notifications service in this process on the test's clock, sending through the SMS simulator
/// (two Aliyun accounts, as the AppHost wires them). The simulator is the outside world: it keeps
/// real time, and calls receipts back to the service's port.
/// </summary>
public class NotificationsFixture : ServiceFixture
{
    private readonly bool _primaryUnreachable;
    private readonly bool _dispatchByTest;

    /// <summary>
    /// Holds the unreachable primary's port: bound but never listening, so every connection to it is
    /// refused and no other server of the run (nor this fixture's own) can be given the same port.
    /// </summary>
    private Socket? _refusingPort;

    public NotificationsFixture()
        : this(primaryUnreachable: false)
    {
    }

    /// <param name="primaryUnreachable">The primary account's endpoint is a port nobody listens on: every call to it is refused.</param>
    /// <param name="dispatchByTest">The dispatcher does not run by itself: the test runs its steps, and may hold provider answers back.</param>
    protected NotificationsFixture(bool primaryUnreachable, bool dispatchByTest = false) => (_primaryUnreachable, _dispatchByTest) = (primaryUnreachable, dispatchByTest);

    private ServiceHost<SimulatorOptions>? _simulator;
    private ServiceHost<NotificationsDbContext>? _service;

    /// <summary>The service's own registrations, to run a piece of it (a start-up job) as another pod would.</summary>
    public IServiceProvider Services => _service!.Services;

    public HttpClient Simulator { get; private set; } = null!;

    /// <summary>The token the provider's callbacks carry.</summary>
    public string CallbackToken { get; private set; } = "";

    /// <summary>The dispatcher, when the test runs its steps (a replica's dispatch or recovery round each).</summary>
    public Dispatcher Dispatcher => _service!.Services.GetRequiredService<Dispatcher>();

    /// <summary>Provider answers held back, when the test runs the dispatcher.</summary>
    public ProviderHolds Holds { get; } = new();

    /// <summary>The weekly visits digest, taken out of the background: a test moves the clock to the slot, then runs it.</summary>
    public WeeklyDigest Digest => _service!.Services.GetRequiredService<WeeklyDigest>();

    protected override async Task StartServiceAsync()
    {
        if (_primaryUnreachable)
        {
            _refusingPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _refusingPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }

        var (servicePort, simulatorPort) = (FreePort.Next(), FreePort.Next());
        var callbackToken = CallbackToken = Secret();
        var simulatorSettings = new Dictionary<string, string>
        {
            ["Simulator:CallbackUrl"] = $"http://127.0.0.1:{servicePort}",
            ["Simulator:CallbackToken"] = callbackToken,
            ["Simulator:KeepMessages"] = "true",
            ["Simulator:FailureRate"] = "0",
            ["Simulator:DeliveryFailureRate"] = "0",
        };
        var settings = CommonSettings("notificationsdb", await Infrastructure.CreateDatabaseAsync("notificationsdb"));
        settings["Sms:CallbackToken"] = callbackToken;
        settings["Sms:FirstRetryDelay"] = "00:00:00.200";
        string[] accounts = ["aliyun-primary", "aliyun-backup"];
        for (var i = 0; i < accounts.Length; i++)
        {
            var (id, secret) = ($"sim-{accounts[i]}", Secret());
            simulatorSettings[$"Simulator:Accounts:{i}:Name"] = accounts[i];
            simulatorSettings[$"Simulator:Accounts:{i}:AccessKeyId"] = id;
            simulatorSettings[$"Simulator:Accounts:{i}:AccessKeySecret"] = secret;
            settings[$"Sms:Providers:{i}:Name"] = accounts[i];
            settings[$"Sms:Providers:{i}:Kind"] = "Aliyun";
            settings[$"Sms:Providers:{i}:Endpoint"] = $"http://127.0.0.1:{(i == 0 && _refusingPort is not null ? ((IPEndPoint)_refusingPort.LocalEndPoint!).Port : simulatorPort)}";
            settings[$"Sms:Providers:{i}:AccessKeyId"] = id;
            settings[$"Sms:Providers:{i}:AccessKeySecret"] = secret;
        }

        _simulator = new ServiceHost<SimulatorOptions>(simulatorSettings, TimeProvider.System, simulatorPort);
        _simulator.StartServer();
        Simulator = _simulator.CreateClient();
        _service = new ServiceHost<NotificationsDbContext>(settings, Clock, servicePort, services =>
        {
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WeeklyDigest)));
            services.AddSingleton<WeeklyDigest>();
            if (_dispatchByTest)
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Dispatcher)));
                services.AddSingleton<Dispatcher>();
                services.AddHttpClient("sms").AddHttpMessageHandler(Holds.Handler);
            }
        });
        _service.StartServer();
        Client = _service.CreateClient();
    }

    protected override async ValueTask StopServiceAsync()
    {
        Simulator?.Dispose();
        _refusingPort?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    public async Task<JsonElement[]> SimulatedAsync(string phone) =>
        (await Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray().ToArray();

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications";
}

/// <summary>The same service whose dispatcher the test runs step by step, as replicas would side by side.</summary>
public sealed class DispatchByTestFixture() : NotificationsFixture(primaryUnreachable: false, dispatchByTest: true);

[CollectionDefinition(Name)]
public sealed class DispatchByTestCollection : ICollectionFixture<DispatchByTestFixture>
{
    public const string Name = "notifications-dispatch-by-test";
}

/// <summary>The same service whose primary provider refuses every connection, as when its endpoint is down.</summary>
public sealed class UnreachablePrimaryFixture() : NotificationsFixture(primaryUnreachable: true);

[CollectionDefinition(Name)]
public sealed class UnreachablePrimaryCollection : ICollectionFixture<UnreachablePrimaryFixture>
{
    public const string Name = "notifications-unreachable-primary";
}
