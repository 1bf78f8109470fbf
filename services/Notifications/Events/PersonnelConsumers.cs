using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Recipients;

namespace MassWork.Notifications.Events;

public sealed class HouseholdRegisteredConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdRegisteredConsumer> logger)
    : ProjectionConsumer<HouseholdRegistered, NotificationsDbContext>(db, time, logger)
{
    protected override async Task ApplyAsync(IReadOnlyList<HouseholdRegistered> messages, CancellationToken cancellationToken)
    {
        await RecipientProjection.ApplyAsync(Db, protector, [.. messages.Select(RecipientProjection.Of)], cancellationToken);
        await writer.WriteAsync([.. messages.SelectMany(m => EventNotices.Welcome(m.HouseholdId, m.HouseholdNumber, m.VillageCode, m.Members))], cancellationToken);
    }
}

public sealed class HouseholdUpdatedConsumer(NotificationsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdUpdatedConsumer> logger)
    : ProjectionConsumer<HouseholdUpdated, NotificationsDbContext>(db, time, logger)
{
    protected override Task ApplyAsync(IReadOnlyList<HouseholdUpdated> messages, CancellationToken cancellationToken) =>
        RecipientProjection.ApplyAsync(Db, protector, [.. messages.Select(RecipientProjection.Of)], cancellationToken);
}

/// <summary>Households added by a bulk import get the same welcome notice as those registered one by one.</summary>
public sealed class HouseholdsImportedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdsImportedConsumer> logger)
    : ProjectionConsumer<HouseholdsImported, NotificationsDbContext>(db, time, logger)
{
    protected override async Task ApplyAsync(IReadOnlyList<HouseholdsImported> messages, CancellationToken cancellationToken)
    {
        await RecipientProjection.ApplyAsync(Db, protector,
            [.. messages.SelectMany(m => m.Registered.Select(RecipientProjection.Of).Concat(m.Updated.Select(RecipientProjection.Of)))], cancellationToken);
        await writer.WriteAsync([.. messages.SelectMany(m => m.Registered).SelectMany(h => EventNotices.Welcome(h.HouseholdId, h.HouseholdNumber, h.VillageCode, h.Members))], cancellationToken);
    }
}

public sealed class CadreRegisteredConsumer(NotificationsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<CadreRegisteredConsumer> logger)
    : IdempotentConsumer<CadreRegistered, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreRegistered m, ConsumeContext<CadreRegistered> context) =>
        (await CadreContacts.FindOrAddAsync(Db, m.CadreId, m.Name, m.RegionCode, context.CancellationToken))
            .Apply(m.Name, m.RegionCode, m.UserId, CadreContacts.Cipher(protector, m.Phone), m.RegisteredAt);
}

/// <summary>A corrected entry: a new phone or login is where the cadre's notices go from now on.</summary>
public sealed class CadreUpdatedConsumer(NotificationsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<CadreUpdatedConsumer> logger)
    : IdempotentConsumer<CadreUpdated, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreUpdated m, ConsumeContext<CadreUpdated> context) =>
        (await CadreContacts.FindOrAddAsync(Db, m.CadreId, m.Name, m.RegionCode, context.CancellationToken))
            .Apply(m.Name, m.RegionCode, m.UserId, CadreContacts.Cipher(protector, m.Phone), m.UpdatedAt);
}

public sealed class CadreRetiredConsumer(NotificationsDbContext db, TimeProvider time, ILogger<CadreRetiredConsumer> logger)
    : IdempotentConsumer<CadreRetired, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreRetired m, ConsumeContext<CadreRetired> context) =>
        (await CadreContacts.FindOrAddAsync(Db, m.CadreId, "", "", context.CancellationToken)).Retire(m.RetiredAt);
}

/// <summary>
/// A cadre's contact, read for a change: locked (FOR UPDATE) until the consumer's transaction ends, so
/// an event handled at the same time in another batch waits and then sees this one's effect. Read
/// unlocked, an older event would be checked against the row as it was before a newer one, and
/// write its login back over the newer one's.
/// </summary>
public static class CadreContacts
{
    public static async Task<CadreContact> FindOrAddAsync(NotificationsDbContext db, Guid cadreId, string name, string regionCode, CancellationToken cancellationToken)
    {
        var contact = await db.CadreContacts.FromSql($"SELECT * FROM cadre_contacts WHERE cadre_id = {cadreId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            contact = new CadreContact { CadreId = cadreId, Name = name, RegionCode = regionCode };
            db.CadreContacts.Add(contact);
        }

        return contact;
    }

    public static byte[]? Cipher(PersonalDataProtector protector, string? phone) =>
        phone is null ? null : protector.Encrypt(PhoneNumber.Normalize(phone));
}

public sealed class PairingStartedConsumer(NotificationsDbContext db, MessageWriter writer, TimeProvider time, ILogger<PairingStartedConsumer> logger)
    : IdempotentConsumer<PairingStarted, NotificationsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(PairingStarted m, ConsumeContext<PairingStarted> context) =>
        writer.WriteAsync([.. EventNotices.ContactCard(m)], context.CancellationToken);
}

public sealed class LeaveRequestedConsumer(NotificationsDbContext db, MessageWriter writer, TimeProvider time, ILogger<LeaveRequestedConsumer> logger)
    : IdempotentConsumer<LeaveRequested, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(LeaveRequested m, ConsumeContext<LeaveRequested> context)
    {
        var region = await Db.CadreContacts.Where(c => c.CadreId == m.CadreId).Select(c => c.RegionCode).FirstOrDefaultAsync(context.CancellationToken) ?? "";
        await writer.WriteAsync([.. EventNotices.LeaveRequested(m, region)], context.CancellationToken);
    }
}

public sealed class LeaveDecidedConsumer(NotificationsDbContext db, MessageWriter writer, TimeProvider time, ILogger<LeaveDecidedConsumer> logger)
    : IdempotentConsumer<LeaveDecided, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(LeaveDecided m, ConsumeContext<LeaveDecided> context)
    {
        var region = await Db.CadreContacts.Where(c => c.CadreId == m.CadreId).Select(c => c.RegionCode).FirstOrDefaultAsync(context.CancellationToken) ?? "";
        await writer.WriteAsync([.. EventNotices.LeaveDecided(m, region)], context.CancellationToken);
    }
}
