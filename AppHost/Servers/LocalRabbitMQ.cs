using RabbitMQ.Client;

namespace MassWork.AppHost.Servers;

/// <summary>A RabbitMQ node run from the machine's rabbitmq-server package, its data in a folder of ours.</summary>
public sealed class LocalRabbitMQResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => new(this, "amqp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@127.0.0.1:{Endpoint.Property(EndpointProperty.TargetPort)}/");
}

public static class LocalRabbitMQExtensions
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly ServerUser User = new("rabbitmq");

    /// <summary>
    /// RabbitMQ as a process, on ports DCP allocates. The Erlang port mapper (epmd) is a resource
    /// of its own in the foreground on a private port: started by the node, it would daemonise and
    /// outlive the AppHost.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name, string folder)
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException($"{ServerScript} not found: apt-get install -y rabbitmq-server");
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(folder, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(folder, "rabbitmq.conf"), "log.console = true\nlog.console.level = warning\nlog.file = false\n");
        User.Own(folder);

        var (epmdCommand, epmdPrefix) = User.Run("epmd");
        var epmd = builder.AddExecutable($"{name}-epmd", epmdCommand, folder)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false);
        var epmdPort = epmd.GetEndpoint("tcp").Property(EndpointProperty.TargetPort);
        epmd.WithArgs(context =>
        {
            foreach (var argument in epmdPrefix.Concat(["-address", "127.0.0.1", "-port"]))
            {
                context.Args.Add(argument);
            }

            context.Args.Add(epmdPort);
        });

        var (command, prefix) = User.Run(ServerScript);
        var node = builder.AddResource(new LocalRabbitMQResource(name, command, folder))
            .WithEndpoint(name: "amqp", scheme: "tcp", isProxied: false)
            .WithEndpoint(name: "dist", scheme: "tcp", isProxied: false)
            .WithArgs(prefix)
            .WaitFor(epmd)
            .WithIconName("Mailbox");
        node.WithEnvironment(context =>
        {
            var env = context.EnvironmentVariables;
            env["HOME"] = folder;
            env["ERL_EPMD_PORT"] = epmdPort;
            env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
            env["RABBITMQ_NODENAME"] = "masswork@localhost";
            env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
            env["RABBITMQ_NODE_PORT"] = node.Resource.Endpoint.Property(EndpointProperty.TargetPort);
            env["RABBITMQ_DIST_PORT"] = node.GetEndpoint("dist").Property(EndpointProperty.TargetPort);
            env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf");
            env["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf");
            env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
            env["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
            env["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
            env["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid");
            env["RABBITMQ_LOGS"] = "-";
        });

        return node.WithConnectionHealthCheck(async (connectionString, ct) =>
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(ct);
        });
    }
}
