using System.Diagnostics;

namespace MassWork.Testing.Servers;

/// <summary>
/// A supervised child process in a session (and process group) of its own, started through
/// <c>setsid</c>, optionally as another user through <c>setpriv</c> (both exec in place, so the
/// pid we hold is the program itself). Its own session keeps a terminal's Ctrl+C away from it,
/// so shutdown happens in our order; its group lets us remove everything it spawned.
/// Output is streamed line by line with a "[name]" prefix.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _pump;

    private ChildProcess(string name, Process process, Action<string, string> log)
    {
        Name = name;
        _process = process;
        _pump = Task.WhenAll(
            PumpAsync(process.StandardOutput, name, log),
            PumpAsync(process.StandardError, name, log));
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        string? runAsUser,
        Action<string, string> log)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (runAsUser is not null && Posix.IsRoot)
        {
            foreach (var a in new[] { "setpriv", $"--reuid={runAsUser}", $"--regid={runAsUser}", "--init-groups", "--" })
            {
                start.ArgumentList.Add(a);
            }
        }

        start.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        return new ChildProcess(name, process, log);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Sends <paramref name="signal"/> to the program, waits up to <paramref name="grace"/>, then
    /// kills whatever is left of its process group.
    /// </summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            Posix.Signal(_process.Id, signal);
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Grace period over: the group kill below ends it.
            }
        }

        Posix.SignalGroup(_process.Id, Posix.SIGKILL);
        if (!_process.HasExited)
        {
            await _process.WaitForExitAsync();
        }

        // A grandchild that left the group could hold the pipes open; don't wait on it forever.
        await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Posix.SIGKILL, TimeSpan.Zero);
        _process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, string name, Action<string, string> log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            log(name, line);
        }
    }
}
