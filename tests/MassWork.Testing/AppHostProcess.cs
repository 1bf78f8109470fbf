using System.Diagnostics;
using System.Reflection;
using MassWork.Testing.Servers;

namespace MassWork.Testing;

/// <summary>
/// The real AppHost, run as a process the way a developer runs it (its build output, from its
/// project folder, as `dotnet run --project AppHost` does), with its output in a log file and the gateway and the
/// dashboard on free ports.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _logFile;
    private readonly Task _pump;

    private AppHostProcess(Process process, string logFile, int gatewayPort, int dashboardPort)
    {
        _process = process;
        _logFile = logFile;
        GatewayPort = gatewayPort;
        Dashboard = new Uri($"http://127.0.0.1:{dashboardPort}");
        var writer = new StreamWriter(logFile) { AutoFlush = true };
        _pump = Task.WhenAll(Pump(process.StandardOutput, writer), Pump(process.StandardError, writer))
            .ContinueWith(_ => writer.Dispose(), TaskScheduler.Default);
    }

    public int Pid => _process.Id;

    public int GatewayPort { get; }

    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}");

    public Uri Dashboard { get; }

    public bool HasExited => _process.HasExited;

    public string Log => File.Exists(_logFile) ? File.ReadAllText(_logFile) : "";

    public string LogTail(int lines = 60)
    {
        try
        {
            var all = File.ReadAllLines(_logFile);
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Starts the AppHost with <paramref name="settings"/>, its output in a log file in <paramref name="logFolder"/>.</summary>
    public static AppHostProcess Start(string logFolder, IReadOnlyDictionary<string, string> settings)
    {
        var (gatewayPort, dashboardPort) = (FreePort.Next(), FreePort.Next());
        var assembly = AssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            // Where `dotnet run --project AppHost` runs it. Not the test's folder: the AppHost's settings and its
            // dashboard's resource service watch their working folder and every folder below it for changes,
            // and PostgreSQL and RabbitMQ write their data below the test's folder.
            WorkingDirectory = Path.Combine(Repository.Root, "AppHost"),
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add($"--Gateway:Port={gatewayPort}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{dashboardPort}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
        var process = Process.Start(start)!;
        return new AppHostProcess(process, Path.Combine(logFolder, $"apphost-{process.Id}.log"), gatewayPort, dashboardPort);
    }

    /// <summary>The AppHost's build output, of the configuration the tests were built in.</summary>
    public static string AssemblyPath()
    {
        var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Path.Combine(Repository.Root, "AppHost", "bin", configuration, "net10.0", "MassWork.AppHost.dll");
    }

    /// <summary>Waits for the AppHost to exit on its own (a failed start); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        await _pump;
        return _process.ExitCode;
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {_process.ExitCode}:\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Gateway, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not up yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The gateway was not healthy within {timeout.TotalSeconds} s:\n{LogTail()}");
    }

    /// <summary>What Ctrl+C does (SIGINT), or a service manager's stop (SIGTERM); then wait for the AppHost to finish stopping.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout, int signal = Posix.SIGINT)
    {
        if (!_process.HasExited)
        {
            Posix.Signal(_process.Id, signal);
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        await _pump;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await InterruptAsync(TimeSpan.FromSeconds(60));
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static async Task Pump(StreamReader reader, StreamWriter writer)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }
}
