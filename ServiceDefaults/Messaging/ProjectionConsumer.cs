using MassTransit;
using MassWork.ServiceDefaults.Data;
using Microsoft.Extensions.Logging;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effect is a read model's projection, one set-based statement for any number of
/// messages: a batch is applied at once rather than message by message. The projection must give
/// what applying the messages one by one in order would give (the newest snapshot of each entity
/// wins), as every projection here does.
/// </summary>
public abstract class ProjectionConsumer<TMessage, TContext>(TContext db, TimeProvider time, ILogger logger)
    : IdempotentConsumer<TMessage, TContext>(db, time, logger)
    where TMessage : class
    where TContext : ServiceDbContext
{
    protected abstract Task ApplyAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);

    protected sealed override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context) =>
        ApplyAsync([message], context.CancellationToken);

    protected sealed override Task HandleAllAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken) =>
        ApplyAsync([.. messages.Select(m => m.Message)], cancellationToken);
}
