using MassTransit;
using Microsoft.Extensions.Options;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>Every idempotent consumer takes batches as <see cref="ConsumerBatchOptions"/> say; its queue keeps its name.</summary>
internal sealed class IdempotentConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly IOptions<ConsumerBatchOptions> _options;

    public IdempotentConsumerDefinition(IOptions<ConsumerBatchOptions> options)
    {
        _options = options;
        // Twice what the batches in progress hold, so the next batch fills while one is written;
        // the broker's default (a few messages) would cap every batch at that.
        var batch = options.Value;
        Endpoint(endpoint => endpoint.PrefetchCount = 2 * batch.MessageLimit * batch.ConcurrencyLimit);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var batch = _options.Value;
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(batch.MessageLimit).SetTimeLimit(batch.TimeLimit).SetConcurrencyLimit(batch.ConcurrencyLimit));
    }
}
