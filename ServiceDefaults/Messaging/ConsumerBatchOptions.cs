using System.ComponentModel.DataAnnotations;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// How every <see cref="IdempotentConsumer{TMessage, TContext}"/> takes its messages (section
/// <c>Messaging:Batch</c>): up to <see cref="MessageLimit"/> at a time, or what came within
/// <see cref="TimeLimit"/> of the first, one batch at a time per consumer so its messages keep the
/// order they were published in.
/// </summary>
public sealed class ConsumerBatchOptions
{
    public const string Section = "Messaging:Batch";

    [Range(1, 1000)]
    public int MessageLimit { get; set; } = 100;

    /// <summary>What a lone message waits for company: short, as a clerk is waiting for its effect.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(20);

    [Range(1, 64)]
    public int ConcurrencyLimit { get; set; } = 1;
}
