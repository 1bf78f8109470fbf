using MassTransit;

namespace MassWork.Identity.Audit;

/// <summary>
/// One audit record chained at a time: the chain takes one lock per record anyway, and several
/// consumers waiting on it would each hold a database connection for nothing.
/// </summary>
public sealed class AuditRecordedConsumerDefinition : ConsumerDefinition<AuditRecordedConsumer>
{
    public AuditRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 1;
    }
}
