using MassTransit;
using Npgsql;

namespace MassWork.Identity.Audit;

/// <summary>
/// Audit records chained in batches of up to 100, or what came within 200 ms, one batch at a time:
/// the chain's lock serialises appends anyway, and a single consumer holds a single database
/// connection (concurrent ones waiting on the lock each held one and exhausted the server's).
/// </summary>
public sealed class AuditRecordedConsumerDefinition : ConsumerDefinition<AuditRecordedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<AuditRecordedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(100).SetTimeLimit(TimeSpan.FromMilliseconds(200)).SetConcurrencyLimit(1));
        // While the database cannot be reached the batch is held, unacknowledged, and tried again until
        // it can: an audit record never goes to the error queue for an outage. Other faults take the
        // platform's retries and then the error queue, as for every consumer.
        consumerConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(DatabaseUnreachable);
            retry.Exponential(int.MaxValue, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
        });
    }

    private static bool DatabaseUnreachable(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } || (exception.InnerException is { } inner && DatabaseUnreachable(inner));
}
