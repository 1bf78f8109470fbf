using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.Notifications.Data;
using MassWork.ServiceDefaults.Messaging;

namespace MassWork.Notifications.Notices;

/// <summary>Households added by a bulk import get the same welcome notice as those registered one by one.</summary>
public sealed class HouseholdsImportedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<HouseholdsImportedConsumer> logger)
    : IdempotentConsumer<HouseholdsImported, NotificationsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdsImported message, ConsumeContext<HouseholdsImported> context)
    {
        var now = Time.GetUtcNow();
        Db.Notices.AddRange(message.Registered.Select(h => Notice.HouseholdWelcome(h.HouseholdId, h.HouseholdNumber, h.VillageCode, now)));
        return Task.CompletedTask;
    }
}
