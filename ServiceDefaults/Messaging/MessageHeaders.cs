namespace MassWork.ServiceDefaults.Messaging;

public static class MessageHeaders
{
    /// <summary>The entity an event is about (the outbox's ordering key).</summary>
    public const string AggregateId = "MassWork-AggregateId";
}
