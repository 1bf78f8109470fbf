using MassTransit;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// Base of every consumer: the message id goes into the inbox in the same transaction as the
/// consumer's effect (and any events it raises), so a redelivered message changes nothing twice.
/// A concurrent duplicate waits on the inbox row's unique key and then sees it taken.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider time, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : ServiceDbContext
{
    protected TContext Db => db;

    protected TimeProvider Time => time;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated.");
        var consumer = GetType().Name;
        var cancellationToken = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var firstTime = await Inbox.TryRecordAsync(db, messageId, consumer, time.GetUtcNow(), cancellationToken);
        if (!firstTime)
        {
            logger.LogInformation("{Consumer} skips message {MessageId}: already processed", consumer, messageId);
            return;
        }

        await HandleAsync(context.Message, context);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Apply the message through <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}

public static class Inbox
{
    /// <summary>Records the message for the consumer; false when it was recorded before.</summary>
    public static async Task<bool> TryRecordAsync(DbContext db, Guid messageId, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>Records the messages for the consumer in one statement; answers those not recorded before.</summary>
    public static async Task<IReadOnlySet<Guid>> TryRecordAllAsync(DbContext db, IReadOnlyCollection<Guid> messageIds, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = messageIds.ToArray();
        var inserted = await db.Database.SqlQuery<Guid>(
            $"""
            INSERT INTO inbox_messages (message_id, consumer, processed_at)
            SELECT DISTINCT id, {consumer}, {now} FROM unnest({ids}) AS id
            ON CONFLICT DO NOTHING RETURNING message_id AS "Value"
            """).ToListAsync(cancellationToken);
        return inserted.ToHashSet();
    }
}
