using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.ServiceDefaults.Messaging;
using MassWork.Visits.Data;

namespace MassWork.Visits.Households;

public sealed class HouseholdRegisteredConsumer(VisitsDbContext db, TimeProvider time, ILogger<HouseholdRegisteredConsumer> logger)
    : IdempotentConsumer<HouseholdRegistered, VisitsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdRegistered message, ConsumeContext<HouseholdRegistered> context) =>
        HouseholdProjection.ApplyAsync(Db, [HouseholdProjection.Of(message)], context.CancellationToken);
}

public sealed class HouseholdUpdatedConsumer(VisitsDbContext db, TimeProvider time, ILogger<HouseholdUpdatedConsumer> logger)
    : IdempotentConsumer<HouseholdUpdated, VisitsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdUpdated message, ConsumeContext<HouseholdUpdated> context) =>
        HouseholdProjection.ApplyAsync(Db, [HouseholdProjection.Of(message)], context.CancellationToken);
}

/// <summary>A bulk import's part: up to 500 households in one statement.</summary>
public sealed class HouseholdsImportedConsumer(VisitsDbContext db, TimeProvider time, ILogger<HouseholdsImportedConsumer> logger)
    : IdempotentConsumer<HouseholdsImported, VisitsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdsImported message, ConsumeContext<HouseholdsImported> context) =>
        HouseholdProjection.ApplyAsync(Db,
            [.. message.Registered.Select(HouseholdProjection.Of), .. message.Updated.Select(HouseholdProjection.Of)],
            context.CancellationToken);
}
