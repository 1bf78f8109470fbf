using System.Diagnostics;
using System.Text.Json;
using MassWork.ServiceDefaults.Data;

namespace MassWork.ServiceDefaults.Messaging;

public static class OutboxExtensions
{
    /// <summary>
    /// Queues an integration event in the outbox; it is stored by the same SaveChanges (and
    /// transaction) as the domain change, and published by the relay after commit.
    /// </summary>
    public static void RaiseIntegrationEvent<TEvent>(this ServiceDbContext db, TEvent message, string aggregateId)
        where TEvent : class
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = MessageTypeName(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
            AggregateId = aggregateId,
            TraceParent = Activity.Current?.Id,
        });
    }

    internal static string MessageTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
