using System.Security.Cryptography;
using MassWork.AppHost.Servers;
using Npgsql;

namespace MassWork.Testing.Servers;

/// <summary>
/// A PostgreSQL server run from the machine's binaries in a folder of ours, on a free loopback
/// port, as the "postgres" user when we are root (PostgreSQL refuses to run as root).
/// The data folder persists between runs; a server left behind by a killed run is stopped first.
/// </summary>
public sealed class LocalPostgresServer(string directory, Action<string, string> log, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    public const string SuperUser = "postgres";
    private static readonly ServerUser User = new("postgres");
    private static readonly string? RunAs = Posix.IsRoot ? "postgres" : null;
    private ChildProcess? _process;

    public int Port { get; private set; }

    public string Password { get; private set; } = "";

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.Directory();
        var data = Path.Combine(directory, "data");
        var socket = Path.Combine(directory, "socket");
        User.Own(directory);

        Password = ReadOrCreatePassword();
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            await InitDbAsync(bin, data);
        }

        await StopLeftoverAsync(data);
        User.Own(socket);
        // A restart keeps the port, so clients holding the connection string reconnect.
        Port = Port == 0 ? FreePort.Next() : Port;

        var arguments = new List<string>
        {
            "-D", data, "-p", Port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={socket}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments.AddRange(["-c", $"{key}={value}"]);
        }

        _process = ChildProcess.Start("postgres", Path.Combine(bin, "postgres"), arguments, directory, new Dictionary<string, string?>(), RunAs, log);
        await WaitReadyAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to leave.
            await _process.StopAsync(Posix.SIGINT, TimeSpan.FromSeconds(20));
            _process = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private string ReadOrCreatePassword()
    {
        var file = Path.Combine(directory, "superuser.password");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
            User.Own(directory);
        }

        return File.ReadAllText(file).Trim();
    }

    private async Task InitDbAsync(string bin, string data)
    {
        var passwordFile = Path.Combine(directory, "superuser.password");
        var init = ChildProcess.Start("initdb", Path.Combine(bin, "initdb"),
            ["-D", data, "-U", SuperUser, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"],
            directory, new Dictionary<string, string?>(), RunAs, log);
        await init.WaitForExitAsync();
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed with exit code {init.ExitCode}; see the [initdb] lines above.");
        }

        await init.DisposeAsync();
    }

    /// <summary>A postmaster of an earlier, killed run still owns the folder: stop it.</summary>
    private static async Task StopLeftoverAsync(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || !Posix.IsAlive(pid))
        {
            return;
        }

        Posix.Signal(pid, Posix.SIGINT);
        for (var i = 0; i < 100 && Posix.IsAlive(pid); i++)
        {
            await Task.Delay(100);
        }

        Posix.Signal(pid, Posix.SIGKILL);
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
