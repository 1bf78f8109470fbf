using System.Runtime.ExceptionServices;
using MassTransit;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// Base of every consumer: each message id goes into the inbox in the same transaction as the
/// consumer's effect (and any events it raises), so a redelivered message changes nothing twice.
/// A concurrent duplicate waits on the inbox row's unique key and then sees it taken.
/// <para>
/// Messages arrive in batches (<see cref="ConsumerBatchOptions"/>): one transaction, one commit and
/// one inbox insert per batch, which is what a message cost before. Each message is still handled
/// and saved in turn, from a clean change tracker, so it sees what the ones before it did exactly as
/// if it came alone. A batch that fails is taken again one message per transaction: the others'
/// effects commit, and only the failing message is retried and, in the end, left to the error queue.
/// </para>
/// </summary>
public abstract partial class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider time, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : ServiceDbContext
{
    protected TContext Db => db;

    protected TimeProvider Time => time;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var messages = context.Message.Select(m => (
            Id: m.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated."),
            Context: m)).ToList();
        var cancellationToken = context.CancellationToken;
        if (messages.Count == 1)
        {
            await ConsumeAsync(messages, cancellationToken);
            return;
        }

        try
        {
            await ConsumeAsync(messages, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(logger, e, GetType().Name, messages.Count);
            ExceptionDispatchInfo? first = null;
            foreach (var message in messages)
            {
                try
                {
                    await ConsumeAsync([message], cancellationToken);
                }
                catch (Exception alone) when (!cancellationToken.IsCancellationRequested)
                {
                    first ??= ExceptionDispatchInfo.Capture(alone);
                }
            }

            first?.Throw();
        }
    }

    /// <summary>Apply the message through <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    /// <summary>
    /// Applies a batch's new messages, in order: by default each handled and saved in turn from a
    /// clean change tracker, as if it came alone. <see cref="ProjectionConsumer{TMessage, TContext}"/>
    /// applies them in one set-based statement instead.
    /// </summary>
    protected virtual async Task HandleAllAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await HandleAsync(message.Message, message);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task ConsumeAsync(IReadOnlyList<(Guid Id, ConsumeContext<TMessage> Context)> messages, CancellationToken cancellationToken)
    {
        var consumer = GetType().Name;

        // A retried batch, or one taken apart, starts clean: nothing a failed attempt added stays tracked.
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fresh = new HashSet<Guid>(await Inbox.TryRecordAllAsync(db, [.. messages.Select(m => m.Id)], consumer, time.GetUtcNow(), cancellationToken));
        var toHandle = new List<ConsumeContext<TMessage>>(fresh.Count);
        foreach (var (id, message) in messages)
        {
            // Remove: a message delivered twice within one batch is handled once.
            if (fresh.Remove(id))
            {
                toHandle.Add(message);
            }
            else
            {
                LogSkipped(logger, consumer, id);
            }
        }

        try
        {
            await HandleAllAsync(toHandle, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is not null)
        {
            // The database's own words (the constraint, the code) are what an operator reads in the
            // error queue's fault headers; EF's wrapper says only "see the inner exception".
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} skips message {MessageId}: already processed")]
    private static partial void LogSkipped(ILogger logger, string consumer, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer} could not take a batch of {Count} together; taking its messages one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string consumer, int count);
}
