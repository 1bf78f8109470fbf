using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace MassWork.ServiceTests.Infrastructure;

/// <summary>
/// One service hosted in this process, exactly as its Program builds it, with the settings the
/// AppHost would give it and a clock the test owns. With a port it listens on loopback (so another
/// host, such as the SMS simulator, can call it back); without, calls go through the test server.
/// A test may change the service's registrations, e.g. to run a background job itself.
/// </summary>
/// <typeparam name="TEntryPoint">Any public type of the service's assembly.</typeparam>
public sealed class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TimeProvider _clock;
    private readonly Action<IServiceCollection>? _services;
    private readonly int? _port;

    public ServiceHost(IReadOnlyDictionary<string, string> settings, TimeProvider clock, int? port = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _clock = clock;
        _services = services;
        _port = port;
        if (port is not null)
        {
            // The port goes in as the host's address (below), not as UseKestrel(port): that form rewrites the
            // server's addresses after the app has begun to start Kestrel itself, and fails when Kestrel
            // bound first (dotnet/aspnetcore#67714).
            UseKestrel();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (_port is { } port)
        {
            builder.UseUrls($"http://127.0.0.1:{port}");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // The host's log goes to a file named after the service, in the test's output folder.
        var log = Path.Combine(AppContext.BaseDirectory, "service-logs", $"{typeof(TEntryPoint).Assembly.GetName().Name}-{Environment.ProcessId}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(log)));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_clock);
            _services?.Invoke(services);
        });
    }
}
