using MassTransit;
using MassWork.Contracts.Personnel.V1;

namespace MassWork.Visits.Pairings;

public sealed class PairingStartedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PairingStartedConsumer> logger)
    : IdempotentConsumer<PairingStarted, VisitsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(PairingStarted message, ConsumeContext<PairingStarted> context) =>
        PairingProjection.StartAsync(Db, message, context.CancellationToken);
}

public sealed class PairingEndedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PairingEndedConsumer> logger)
    : IdempotentConsumer<PairingEnded, VisitsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(PairingEnded message, ConsumeContext<PairingEnded> context) =>
        PairingProjection.EndAsync(Db, message, context.CancellationToken);
}
