using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MassWork.ServiceDefaults.Messaging.Watchdog;

/// <summary>Whether the broker accepts a connection now: opened and closed at once.</summary>
public sealed class BrokerProbe(Uri broker, string service)
{
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        var factory = BrokerConnections.Factory(broker, $"{service}-watchdog");
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
