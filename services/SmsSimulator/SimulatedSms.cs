using System.Collections.Concurrent;

namespace MassWork.SmsSimulator;

/// <summary>One message the simulator took, as QuerySendDetails and the test endpoint show it.</summary>
public sealed record SimulatedMessage(string Account, string Phone, string SignName, string TemplateCode, string TemplateParam, string OutId, string BizId, DateTimeOffset SentAt)
{
    public bool? Delivered { get; set; }
}

public sealed record PendingReceipt(string Account, SimulatedMessage Message, DateTimeOffset Due);

/// <summary>What the simulator holds: the messages it took (by number), the receipts it owes, each account's behaviour.</summary>
public sealed class SimulatorState(SimulatorOptions options)
{
    public ConcurrentDictionary<string, ConcurrentQueue<SimulatedMessage>> ByPhone { get; } = new();

    public ConcurrentQueue<PendingReceipt> Receipts { get; } = new();

    public ConcurrentDictionary<string, Behaviour> Behaviours { get; } = new();

    public long Accepted;

    public long Calls;

    public Behaviour BehaviourOf(string accessKeyId) => Behaviours.GetValueOrDefault(accessKeyId) ?? new Behaviour(options.FailureRate);

    public void Record(SimulatedMessage message)
    {
        Interlocked.Increment(ref Accepted);
        if (options.KeepMessages)
        {
            ByPhone.GetOrAdd(message.Phone, _ => new ConcurrentQueue<SimulatedMessage>()).Enqueue(message);
        }
    }
}
