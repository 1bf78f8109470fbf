using RabbitMQ.Client;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// Short-lived connections of our own to the broker, beside MassTransit's (an operator's look at the
/// error queues, the watchdog's probe): named for the broker's connection list, a short timeout, and
/// no automatic recovery, since the caller wants an answer now rather than a retry later.
/// </summary>
internal static class BrokerConnections
{
    public static ConnectionFactory Factory(Uri broker, string name) => new()
    {
        Uri = broker,
        ClientProvidedName = name,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        AutomaticRecoveryEnabled = false,
    };
}
