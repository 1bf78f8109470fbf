using MassTransit;
using MassWork.Contracts.Audit.V1;
using MassWork.Identity.Data;
using MassWork.ServiceDefaults.Messaging;

namespace MassWork.Identity.Audit;

/// <summary>Chains every service's audit records into the one log, once each (inbox and the record's own id).</summary>
public sealed class AuditRecordedConsumer(AccountsDbContext db, TimeProvider time, ILogger<AuditRecordedConsumer> logger)
    : IdempotentConsumer<AuditRecorded, AccountsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(AuditRecorded message, ConsumeContext<AuditRecorded> context) =>
        new AuditChain(Db, Time).AppendAsync(message, context.CancellationToken);
}
