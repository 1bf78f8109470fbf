using System.Security.Cryptography;
using Npgsql;

namespace MassWork.AppHost.Servers;

/// <summary>A PostgreSQL server run from the machine's binaries, its data in a folder of ours.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string SuperUser = "postgres";

    public EndpointReference Endpoint => new(this, "tcp");

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.TargetPort)};Username={SuperUser};Password={Password}");
}

/// <summary>One service's database on a local server; the service creates it on first start (EF migrations).</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}

public static class LocalPostgresExtensions
{
    private static readonly ServerUser User = new("postgres");

    /// <summary>
    /// PostgreSQL as a process: initdb (as the postgres user) when the folder is new, then the
    /// server on a port DCP allocates, listening on loopback only. The superuser's password is
    /// made once and kept beside the data; a server left by a killed run is stopped first.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, string folder)
    {
        var bin = PostgresBinaries.Directory();
        var data = Path.Combine(folder, "data");
        var socket = Path.Combine(folder, "socket");
        var passwordFile = Path.Combine(folder, "superuser.password");
        Directory.CreateDirectory(folder);
        if (!File.Exists(passwordFile))
        {
            File.WriteAllText(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        }

        User.Own(folder);
        Directory.CreateDirectory(socket);
        User.Own(socket);
        var password = builder.AddParameter($"{name}-password", File.ReadAllText(passwordFile).Trim(), secret: true);

        var (command, prefix) = User.Run(Path.Combine(bin, "postgres"));
        var server = builder.AddResource(new LocalPostgresResource(name, command, folder, password.Resource))
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                // Seven services share this one server, each with its own connection pool: PostgreSQL's
                // default of 100 connections runs out when one service takes a burst of 50 writes while
                // the others still hold idle connections (53300, answered 503).
                foreach (var argument in prefix.Concat(["-D", data, "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={socket}", "-c", "max_connections=300", "-p"]))
                {
                    context.Args.Add(argument);
                }

                context.Args.Add(((LocalPostgresResource)context.Resource).Endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithIconName("Database");

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            var (initCommand, initPrefix) = User.Run(Path.Combine(bin, "initdb"));
            var init = builder.AddExecutable($"{name}-init", initCommand, folder,
                [.. initPrefix, "-D", data, "-U", LocalPostgresResource.SuperUser, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"]);
            server.WaitForCompletion(init);
        }

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server.Resource, (_, _) => StopLeftoverAsync(data));

        return server.WithConnectionHealthCheck(async (connectionString, ct) =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
        });
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, string name) =>
        server.ApplicationBuilder.AddResource(new LocalPostgresDatabaseResource(name, server.Resource)).WithIconName("Database");

    private static bool IsAlive(int pid) => ServerUser.Exec("kill", "-0", pid.ToString()) == 0;

    /// <summary>A postmaster of an earlier, killed run still owns the folder: stop it, or this server cannot start.</summary>
    private static async Task StopLeftoverAsync(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || !IsAlive(pid))
        {
            return;
        }

        // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to leave.
        ServerUser.Exec("kill", "-INT", pid.ToString());
        for (var i = 0; i < 100 && IsAlive(pid); i++)
        {
            await Task.Delay(100);
        }

        ServerUser.Exec("kill", "-KILL", pid.ToString());
    }
}
