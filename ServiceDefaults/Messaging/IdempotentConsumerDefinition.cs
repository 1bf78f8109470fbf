using MassTransit;
using Microsoft.Extensions.Options;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>Every idempotent consumer takes batches as <see cref="ConsumerBatchOptions"/> say; its queue keeps its name.</summary>
internal sealed class IdempotentConsumerDefinition<TConsumer>(IOptions<ConsumerBatchOptions> options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var batch = options.Value;
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(batch.MessageLimit).SetTimeLimit(batch.TimeLimit).SetConcurrencyLimit(batch.ConcurrencyLimit));
    }
}
