using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MassWork.ServiceDefaults.Redaction;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MassWork.ServiceDefaults.Messaging.FailedMessages;

/// <summary>
/// Reads and empties the service's error queues on the broker, where MassTransit moves a message
/// whose consumer failed through every retry. Looking takes messages without acknowledging them
/// and closes the channel, which puts them back at the head of the queue in their order. A retry
/// sends each chosen message, unchanged but for the fault headers, to its queue with a publisher
/// confirm, and only then removes it from the error queue: a crash in between sends it twice, and
/// the consumer's inbox makes the second delivery change nothing.
/// </summary>
public sealed partial class FailedMessageBroker(Uri broker, ServiceQueues queues, ILogger<FailedMessageBroker> logger)
{
    private const string FaultHeaderPrefix = "MT-Fault-";
    private const string ReasonHeader = "MT-Reason";
    private const int ReasonLength = 500;

    public async Task<FailedMessagesReport> ListAsync(string? queue, int limit, CancellationToken cancellationToken)
    {
        var chosen = queue is null ? queues.Names : [queue];
        return await WithConnectionAsync(async connection =>
        {
            var counts = new List<FailedQueueView>();
            var messages = new List<FailedMessageView>();
            foreach (var name in chosen)
            {
                // One channel per queue: a queue that never failed does not exist, and asking for it closes the channel.
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                var waiting = await DepthAsync(channel, name + ServiceQueues.ErrorSuffix, cancellationToken);
                counts.Add(new FailedQueueView(name, waiting));
                for (var i = 0; i < waiting && messages.Count < limit; i++)
                {
                    if (await channel.BasicGetAsync(name + ServiceQueues.ErrorSuffix, autoAck: false, cancellationToken) is not { } message)
                    {
                        break;
                    }

                    messages.Add(View(name, message));
                }

                // Closing without acknowledging returns every message looked at to the queue.
                await channel.CloseAsync(cancellationToken);
            }

            return new FailedMessagesReport(counts, messages);
        }, cancellationToken);
    }

    public async Task<RetriedMessages> RetryAsync(string queue, IReadOnlyList<Guid>? messageIds, string operatorId, CancellationToken cancellationToken)
    {
        var wanted = messageIds is { Count: > 0 } ? messageIds.ToHashSet() : null;
        var result = await WithConnectionAsync(async connection =>
        {
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            var errorQueue = queue + ServiceQueues.ErrorSuffix;
            // As many as wait now: a message that fails again meanwhile comes back behind them and is not taken twice.
            var waiting = await DepthAsync(channel, errorQueue, cancellationToken);
            var retried = 0;
            var found = new HashSet<Guid>();
            for (var i = 0; i < waiting && (wanted is null || found.Count < wanted.Count); i++)
            {
                if (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is not { } message)
                {
                    break;
                }

                var id = MessageId(message);
                if (wanted is not null && (id is not { } known || !wanted.Contains(known)))
                {
                    // Not asked for: left unacknowledged, so it goes back when the channel closes.
                    continue;
                }

                await channel.BasicPublishAsync("", queue, mandatory: true, Resent(message.BasicProperties), message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                retried++;
                if (id is { } sent)
                {
                    found.Add(sent);
                }
            }

            await channel.CloseAsync(cancellationToken);
            return new RetriedMessages(queue, retried, wanted is null ? [] : [.. wanted.Where(id => !found.Contains(id)).Order()]);
        }, cancellationToken);
        LogRetried(logger, operatorId, result.Retried, queue);
        return result;
    }

    private async Task<T> WithConnectionAsync<T>(Func<IConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var factory = BrokerConnections.Factory(broker, $"{queues.Service}-operator");
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception e) when (e is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or PublishException
                                      or SocketException or IOException or TimeoutException)
        {
            // Nothing half-done stays: a message taken and not acknowledged returns to its error queue with the connection.
            throw new BrokerUnavailableException(e);
        }
    }

    /// <summary>How many wait in a queue; 0 when it does not exist (its consumer never failed).</summary>
    private static async Task<uint> DepthAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>The message's own properties and headers, without what MassTransit added when it failed.</summary>
    private static BasicProperties Resent(IReadOnlyBasicProperties failed)
    {
        var properties = new BasicProperties(failed);
        if (failed.Headers is { } headers)
        {
            properties.Headers = headers.Where(h => !h.Key.StartsWith(FaultHeaderPrefix, StringComparison.Ordinal) && h.Key != ReasonHeader)
                .ToDictionary(h => h.Key, h => h.Value);
        }

        return properties;
    }

    private static FailedMessageView View(string queue, BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers;
        var failedAt = DateTimeOffset.TryParse(Header(headers, FaultHeaderPrefix + "Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? ChinaTime.Local(at.ToUniversalTime())
            : (DateTimeOffset?)null;
        var reason = Header(headers, FaultHeaderPrefix + "Message");
        if (reason is not null)
        {
            reason = PersonalDataRedactor.Redact(reason.Length > ReasonLength ? reason[..ReasonLength] + "…" : reason);
        }

        return new FailedMessageView(queue, MessageId(message), MessageType(message), failedAt, Header(headers, FaultHeaderPrefix + "ExceptionType"), reason);
    }

    private static Guid? MessageId(BasicGetResult message) =>
        Guid.TryParse(message.BasicProperties.MessageId, out var id) ? id : null;

    /// <summary>The contract's name from MassTransit's envelope ("urn:message:Namespace:Type" → "Type"), the only part of the body read.</summary>
    private static string? MessageType(BasicGetResult message)
    {
        try
        {
            using var envelope = JsonDocument.Parse(message.Body);
            if (envelope.RootElement.ValueKind == JsonValueKind.Object
                && envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array
                && types.GetArrayLength() > 0 && types[0].GetString() is { } urn)
            {
                return urn[(urn.LastIndexOf(':') + 1)..];
            }
        }
        catch (JsonException)
        {
            // Not a MassTransit JSON envelope: its type is unknown, it can still be retried.
        }

        return null;
    }

    private static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => null, _ => Convert.ToString(value, CultureInfo.InvariantCulture) }
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator {OperatorId} sent {Count} failed messages back to {Queue}")]
    private static partial void LogRetried(ILogger logger, string operatorId, int count, string queue);
}
