using MassWork.AppHost.Servers;

namespace MassWork.Testing.Servers;

/// <summary>
/// A RabbitMQ node run from the machine's rabbitmq-server package in a folder of ours, on free
/// loopback ports, as the "rabbitmq" user when we are root. The Erlang port mapper (epmd) is
/// our own supervised child on a private port, so nothing outlives us. The node can be stopped
/// and started again on the same port with its queues intact (used by the broker-outage tests).
/// </summary>
public sealed class LocalRabbitMqServer(string directory, Action<string, string> log) : IAsyncDisposable
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly ServerUser User = new("rabbitmq");
    private static readonly string? RunAs = Posix.IsRoot ? "rabbitmq" : null;
    private ChildProcess? _epmd;
    private ChildProcess? _node;

    public int Port { get; private set; }

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public bool IsRunning => _node is { HasExited: false };

    public static bool IsInstalled => File.Exists(ServerScript);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{ServerScript} not found: apt-get install -y rabbitmq-server");
        }

        if (Port == 0)
        {
            Port = FreePort.Next();
            DistributionPort = FreePort.Next();
            EpmdPort = FreePort.Next();
            WriteConfiguration();
        }

        User.Own(directory);

        _epmd ??= ChildProcess.Start("epmd", "epmd", ["-port", EpmdPort.ToString(), "-address", "127.0.0.1"], directory, Environment(), RunAs, log);
        _node = ChildProcess.Start("rabbitmq", ServerScript, [], directory, Environment(), RunAs, log);
        await WaitReadyAsync(cancellationToken);
    }

    /// <summary>Stops the node (epmd stays, so a later start reuses the same ports).</summary>
    public async Task StopNodeAsync()
    {
        if (_node is not null)
        {
            await _node.StopAsync(Posix.SIGTERM, TimeSpan.FromSeconds(30));
            _node = null;
        }
    }

    public async Task StopAsync()
    {
        await StopNodeAsync();
        if (_epmd is not null)
        {
            await _epmd.StopAsync(Posix.SIGTERM, TimeSpan.FromSeconds(5));
            _epmd = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private int DistributionPort { get; set; }

    private int EpmdPort { get; set; }

    private Dictionary<string, string?> Environment() => new()
    {
        ["HOME"] = directory,
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODENAME"] = "masswork@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
        ["RABBITMQ_LOGS"] = "-",
    };

    private void WriteConfiguration()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(directory, "rabbitmq.conf"), "log.console = true\nlog.console.level = warning\nlog.file = false\n");
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await FreePort.IsOpenAsync(Port, cancellationToken))
        {
            if (_node!.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with code {_node.ExitCode} while starting.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"RabbitMQ did not open port {Port} within 90 s.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
