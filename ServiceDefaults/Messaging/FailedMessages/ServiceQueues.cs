using System.Collections.Concurrent;

namespace MassWork.ServiceDefaults.Messaging.FailedMessages;

/// <summary>
/// The consumer queues of this service, as MassTransit configures them (one per consumer), so the
/// operator's view of failed messages covers exactly the service's own error queues.
/// </summary>
public sealed class ServiceQueues(string service)
{
    private readonly ConcurrentDictionary<string, bool> _queues = new(StringComparer.Ordinal);

    public const string ErrorSuffix = "_error";

    public string Service { get; } = service;

    public IReadOnlyList<string> Names => [.. _queues.Keys.Order(StringComparer.Ordinal)];

    internal void Add(string queue) => _queues.TryAdd(queue, true);

    public bool Contains(string? queue) => queue is not null && _queues.ContainsKey(queue);
}
