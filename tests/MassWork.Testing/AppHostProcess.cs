using System.Diagnostics;
using MassWork.AppHost.Hosting;

namespace MassWork.Testing;

/// <summary>The real AppHost, run as a process the way a developer runs it, with its output in a log file.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _logFile;
    private readonly Task _pump;

    private AppHostProcess(Process process, string logFile, int gatewayPort)
    {
        _process = process;
        _logFile = logFile;
        GatewayPort = gatewayPort;
        var writer = new StreamWriter(logFile) { AutoFlush = true };
        _pump = Task.WhenAll(Pump(process.StandardOutput, writer), Pump(process.StandardError, writer))
            .ContinueWith(_ => writer.Dispose(), TaskScheduler.Default);
    }

    public int Pid => _process.Id;

    public int GatewayPort { get; }

    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}");

    public bool HasExited => _process.HasExited;

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

    public static AppHostProcess Start(string workDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var gatewayPort = FreePort.Next();
        var assembly = typeof(DistributedApplicationBuilder).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workDirectory,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add($"--Gateway:Port={gatewayPort}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start)!;
        return new AppHostProcess(process, Path.Combine(workDirectory, $"apphost-{process.Id}.log"), gatewayPort);
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

    /// <summary>What Ctrl+C does: SIGINT to the AppHost, then wait for it to finish stopping.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            Posix.Signal(_process.Id, Posix.SIGINT);
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
