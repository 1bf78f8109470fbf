using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.Petitions.Data;
using MassWork.ServiceDefaults.Messaging;

namespace MassWork.Petitions.Households;

public sealed class HouseholdRegisteredConsumer(PetitionsDbContext db, TimeProvider time, ILogger<HouseholdRegisteredConsumer> logger)
    : ProjectionConsumer<HouseholdRegistered, PetitionsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdRegistered> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db, [.. messages.Select(HouseholdProjection.Of)], cancellationToken);
}

public sealed class HouseholdUpdatedConsumer(PetitionsDbContext db, TimeProvider time, ILogger<HouseholdUpdatedConsumer> logger)
    : ProjectionConsumer<HouseholdUpdated, PetitionsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdUpdated> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db, [.. messages.Select(HouseholdProjection.Of)], cancellationToken);
}

public sealed class HouseholdsImportedConsumer(PetitionsDbContext db, TimeProvider time, ILogger<HouseholdsImportedConsumer> logger)
    : ProjectionConsumer<HouseholdsImported, PetitionsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdsImported> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db,
            [.. messages.SelectMany(m => m.Registered.Select(HouseholdProjection.Of).Concat(m.Updated.Select(HouseholdProjection.Of)))],
            cancellationToken);
}
