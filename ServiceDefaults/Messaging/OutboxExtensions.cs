using System.Diagnostics;
using System.Text.Json;
using MassWork.ServiceDefaults.Data;

namespace MassWork.ServiceDefaults.Messaging;

public static class OutboxExtensions
{
    /// <summary>
    /// Queues an integration event in the outbox; it is stored by the same SaveChanges (and
    /// transaction) as the domain change, and published by the relay after commit. The runtime
    /// type names the message, so an event passed as <c>object</c> is published as what it is.
    /// </summary>
    public static void RaiseIntegrationEvent<TEvent>(this ServiceDbContext db, TEvent message, string aggregateId)
        where TEvent : class
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = MessageTypeName(message.GetType()),
            Payload = JsonSerializer.Serialize(message, message.GetType(), JsonSerializerOptions.Web),
            AggregateId = aggregateId,
            TraceParent = Activity.Current?.Id,
        });
    }

    internal static string MessageTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
