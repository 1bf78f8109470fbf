using MassTransit;
using MassWork.Contracts.Audit.V1;

namespace MassWork.Identity.Audit;

/// <summary>
/// Chains every service's audit records into the one log, a batch at a time: one transaction and one
/// lock for the whole batch, in the order the records were made (then by id), once each — the inbox
/// skips a redelivered message and the chain a record it holds already. A batch that fails is not
/// acknowledged: it is retried and redelivered whole, so no record is lost while the database is down.
/// </summary>
public sealed class AuditRecordedConsumer(AccountsDbContext db, TimeProvider time, ILogger<AuditRecordedConsumer> logger) : IConsumer<Batch<AuditRecorded>>
{
    public async Task Consume(ConsumeContext<Batch<AuditRecorded>> context)
    {
        var cancellationToken = context.CancellationToken;
        var messages = context.Message.Select(m => (
            Id: m.MessageId ?? throw new InvalidOperationException("An AuditRecorded arrived without a message id; it cannot be de-duplicated."),
            Record: m.Message)).ToList();

        // A retried batch starts clean: nothing the failed attempt added stays tracked.
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fresh = await Inbox.TryRecordAllAsync(db, [.. messages.Select(m => m.Id)], nameof(AuditRecordedConsumer), time.GetUtcNow(), cancellationToken);
        var records = messages.Where(m => fresh.Contains(m.Id)).DistinctBy(m => m.Id).Select(m => m.Record)
            .OrderBy(r => r.At).ThenBy(r => r.AuditId).ToList();
        var chained = await new AuditChain(db, time).AppendAsync(records, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (chained < messages.Count)
        {
            logger.LogInformation("Chained {Chained} of {Count} audit records; the others were chained before (redelivered)", chained, messages.Count);
        }
    }
}
