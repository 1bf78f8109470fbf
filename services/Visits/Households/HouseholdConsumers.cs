using MassTransit;
using MassWork.Contracts.Personnel.V1;

namespace MassWork.Visits.Households;

public sealed class HouseholdRegisteredConsumer(VisitsDbContext db, TimeProvider time, ILogger<HouseholdRegisteredConsumer> logger)
    : ProjectionConsumer<HouseholdRegistered, VisitsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdRegistered> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db, [.. messages.Select(HouseholdProjection.Of)], cancellationToken);
}

public sealed class HouseholdUpdatedConsumer(VisitsDbContext db, TimeProvider time, ILogger<HouseholdUpdatedConsumer> logger)
    : ProjectionConsumer<HouseholdUpdated, VisitsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdUpdated> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db, [.. messages.Select(HouseholdProjection.Of)], cancellationToken);
}

/// <summary>A bulk import's part: up to 500 households in one statement.</summary>
public sealed class HouseholdsImportedConsumer(VisitsDbContext db, TimeProvider time, ILogger<HouseholdsImportedConsumer> logger)
    : ProjectionConsumer<HouseholdsImported, VisitsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdsImported> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db,
            [.. messages.SelectMany(m => m.Registered.Select(HouseholdProjection.Of).Concat(m.Updated.Select(HouseholdProjection.Of)))],
            cancellationToken);
}
