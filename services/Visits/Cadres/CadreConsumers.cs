using MassTransit;
using MassWork.Contracts.Personnel.V1;

namespace MassWork.Visits.Cadres;

public sealed class CadreRegisteredConsumer(VisitsDbContext db, TimeProvider time, ILogger<CadreRegisteredConsumer> logger)
    : IdempotentConsumer<CadreRegistered, VisitsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(CadreRegistered message, ConsumeContext<CadreRegistered> context) =>
        CadreProjection.ApplyAsync(Db, CadreProjection.Of(message), context.CancellationToken);
}

/// <summary>A corrected entry (a new login, rank or region); a retirement needs nothing here, as its pairings end with their own events.</summary>
public sealed class CadreUpdatedConsumer(VisitsDbContext db, TimeProvider time, ILogger<CadreUpdatedConsumer> logger)
    : IdempotentConsumer<CadreUpdated, VisitsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(CadreUpdated message, ConsumeContext<CadreUpdated> context) =>
        CadreProjection.ApplyAsync(Db, CadreProjection.Of(message), context.CancellationToken);
}
