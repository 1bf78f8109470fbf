using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.Notifications.Data;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Recipients;
using MassWork.ServiceDefaults.Messaging;
using MassWork.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Notifications.Events;

public sealed class HouseholdRegisteredConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdRegisteredConsumer> logger)
    : IdempotentConsumer<HouseholdRegistered, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(HouseholdRegistered m, ConsumeContext<HouseholdRegistered> context)
    {
        await RecipientProjection.ApplyAsync(Db, protector, [RecipientProjection.Of(m)], context.CancellationToken);
        await writer.WriteAsync([.. EventNotices.Welcome(m.HouseholdId, m.HouseholdNumber, m.VillageCode, m.Members)], context.CancellationToken);
    }
}

public sealed class HouseholdUpdatedConsumer(NotificationsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdUpdatedConsumer> logger)
    : IdempotentConsumer<HouseholdUpdated, NotificationsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdUpdated m, ConsumeContext<HouseholdUpdated> context) =>
        RecipientProjection.ApplyAsync(Db, protector, [RecipientProjection.Of(m)], context.CancellationToken);
}

/// <summary>Households added by a bulk import get the same welcome notice as those registered one by one.</summary>
public sealed class HouseholdsImportedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdsImportedConsumer> logger)
    : IdempotentConsumer<HouseholdsImported, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(HouseholdsImported m, ConsumeContext<HouseholdsImported> context)
    {
        await RecipientProjection.ApplyAsync(Db, protector,
            [.. m.Registered.Select(RecipientProjection.Of), .. m.Updated.Select(RecipientProjection.Of)], context.CancellationToken);
        await writer.WriteAsync([.. m.Registered.SelectMany(h => EventNotices.Welcome(h.HouseholdId, h.HouseholdNumber, h.VillageCode, h.Members))], context.CancellationToken);
    }
}

public sealed class CadreRegisteredConsumer(NotificationsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<CadreRegisteredConsumer> logger)
    : IdempotentConsumer<CadreRegistered, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreRegistered m, ConsumeContext<CadreRegistered> context)
    {
        var contact = await Db.CadreContacts.SingleOrDefaultAsync(c => c.CadreId == m.CadreId, context.CancellationToken);
        if (contact is null)
        {
            contact = new CadreContact { CadreId = m.CadreId, Name = m.Name, RegionCode = m.RegionCode };
            Db.CadreContacts.Add(contact);
        }

        contact.UserId = m.UserId;
        contact.Name = m.Name;
        contact.RegionCode = m.RegionCode;
        contact.PhoneCipher = m.Phone is null ? null : protector.Encrypt(PhoneNumber.Normalize(m.Phone));
        contact.UpdatedAt = m.RegisteredAt;
    }
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
