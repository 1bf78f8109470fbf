using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.Petitions.Data;
using MassWork.ServiceDefaults.Messaging;

namespace MassWork.Petitions.Households;

public sealed class HouseholdRegisteredConsumer(PetitionsDbContext db, TimeProvider time, ILogger<HouseholdRegisteredConsumer> logger)
    : IdempotentConsumer<HouseholdRegistered, PetitionsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdRegistered message, ConsumeContext<HouseholdRegistered> context) =>
        HouseholdProjection.ApplyAsync(Db, [HouseholdProjection.Of(message)], context.CancellationToken);
}

public sealed class HouseholdUpdatedConsumer(PetitionsDbContext db, TimeProvider time, ILogger<HouseholdUpdatedConsumer> logger)
    : IdempotentConsumer<HouseholdUpdated, PetitionsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdUpdated message, ConsumeContext<HouseholdUpdated> context) =>
        HouseholdProjection.ApplyAsync(Db, [HouseholdProjection.Of(message)], context.CancellationToken);
}

public sealed class HouseholdsImportedConsumer(PetitionsDbContext db, TimeProvider time, ILogger<HouseholdsImportedConsumer> logger)
    : IdempotentConsumer<HouseholdsImported, PetitionsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdsImported message, ConsumeContext<HouseholdsImported> context) =>
        HouseholdProjection.ApplyAsync(Db,
            [.. message.Registered.Select(HouseholdProjection.Of), .. message.Updated.Select(HouseholdProjection.Of)],
            context.CancellationToken);
}
