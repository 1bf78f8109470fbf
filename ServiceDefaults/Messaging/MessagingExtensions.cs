using MassTransit;
using MassWork.ServiceDefaults.Data;
using MassWork.ServiceDefaults.Messaging.FailedMessages;
using MassWork.ServiceDefaults.Messaging.Watchdog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ from <c>ConnectionStrings:messaging</c> (an amqp:// URI):
    /// quorum queues named "&lt;service&gt;-&lt;consumer&gt;", retries, then the "_error" queue (an
    /// operator lists and retries its messages: <see cref="FailedMessageEndpoints"/>);
    /// every <see cref="IdempotentConsumer{TMessage, TContext}"/> of <typeparamref name="TContext"/>'s
    /// service registered, in batches; plus the outbox relay for <typeparamref name="TContext"/>, and
    /// a watchdog that exits the process when its consumers stall (<see cref="ConsumerWatchdog"/>).
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null)
        where TContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not configured (environment: ConnectionStrings__{ConnectionName}).");
        var broker = new Uri(connectionString);

        var queues = new ServiceQueues(serviceName);
        builder.Services.AddSingleton(queues);
        builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<FailedMessageBroker>(provider, broker));
        builder.Services.AddOptions<ConsumerBatchOptions>().BindConfiguration(ConsumerBatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            foreach (var consumer in IdempotentConsumersOf<TContext>())
            {
                bus.AddConsumer(consumer, typeof(IdempotentConsumerDefinition<>).MakeGenericType(consumer));
            }

            configure?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((_, queue, endpoint) =>
            {
                queues.Add(queue);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // Quorum queues are replicated across a RabbitMQ cluster and survive a node loss.
                    rabbit.SetQuorumQueue();
                }

                endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort || broker.Port < 0 ? 5672 : broker.Port), VirtualHost(broker), host =>
                {
                    var (user, password) = Credentials(broker);
                    host.Username(user);
                    host.Password(password);
                    host.PublisherConfirmation = true;
                    host.ConnectionName(serviceName);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddSingleton(new BrokerProbe(broker, serviceName));
        builder.Services.AddOptions<WatchdogOptions>().BindConfiguration(WatchdogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<ConsumerWatchdog>();

        builder.Services.AddOptions<OutboxRelayOptions>().BindConfiguration("Outbox");
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<PlatformRetention<TContext>>();
        return builder;
    }

    /// <summary>The service's consumers: every concrete <see cref="IdempotentConsumer{TMessage, TContext}"/> over its database.</summary>
    internal static IEnumerable<Type> IdempotentConsumersOf<TContext>() where TContext : ServiceDbContext =>
        typeof(TContext).Assembly.GetTypes().Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && ConsumesInto<TContext>(type)).OrderBy(type => type.FullName);

    private static bool ConsumesInto<TContext>(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IdempotentConsumer<,>))
            {
                return t.GenericTypeArguments[1] == typeof(TContext);
            }
        }

        return false;
    }

    private static string VirtualHost(Uri broker)
    {
        var path = Uri.UnescapeDataString(broker.AbsolutePath.Trim('/'));
        return path.Length == 0 ? "/" : path;
    }

    private static (string User, string Password) Credentials(Uri broker)
    {
        if (string.IsNullOrEmpty(broker.UserInfo))
        {
            return ("guest", "guest");
        }

        var parts = broker.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
