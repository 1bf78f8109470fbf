using System.ComponentModel.DataAnnotations;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// How every <see cref="IdempotentConsumer{TMessage, TContext}"/> takes its messages (section
/// <c>Messaging:Batch</c>): up to <see cref="MessageLimit"/> at a time, or what came within
/// <see cref="TimeLimit"/> of the first, and <see cref="ConcurrencyLimit"/> batches at a time.
/// </summary>
public sealed class ConsumerBatchOptions
{
    public const string Section = "Messaging:Batch";

    [Range(1, 1000)]
    public int MessageLimit { get; set; } = 100;

    /// <summary>What a lone message waits for company: short, as a clerk is waiting for its effect.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// More than one: a batch being retried (a bad message, held for its retries) must not hold up
    /// the rest of its queue. Consumers do not rely on the order of a queue: a read model keeps the
    /// newest snapshot, and a step that depends on an earlier event waits for it by retrying.
    /// </summary>
    [Range(1, 64)]
    public int ConcurrencyLimit { get; set; } = 2;
}
