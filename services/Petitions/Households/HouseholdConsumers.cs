using MassTransit;
using MassWork.Contracts.Personnel.V1;

namespace MassWork.Petitions.Households;

public sealed class HouseholdRegisteredConsumer(PetitionsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdRegisteredConsumer> logger)
    : ProjectionConsumer<HouseholdRegistered, PetitionsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdRegistered> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db, [.. messages.Select(m => HouseholdProjection.Of(m, protector))], cancellationToken);
}

public sealed class HouseholdUpdatedConsumer(PetitionsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdUpdatedConsumer> logger)
    : ProjectionConsumer<HouseholdUpdated, PetitionsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdUpdated> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db, [.. messages.Select(m => HouseholdProjection.Of(m, protector))], cancellationToken);
}

public sealed class HouseholdsImportedConsumer(PetitionsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdsImportedConsumer> logger)
    : ProjectionConsumer<HouseholdsImported, PetitionsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdsImported> messages, CancellationToken cancellationToken) =>
        HouseholdProjection.ApplyAsync(Db,
            [.. messages.SelectMany(m => m.Registered.Select(h => HouseholdProjection.Of(h, protector)).Concat(m.Updated.Select(h => HouseholdProjection.Of(h, protector))))],
            cancellationToken);
}
