using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.Notifications.Data;
using MassWork.ServiceDefaults.Messaging;

namespace MassWork.Notifications.Notices;

/// <summary>A newly registered household gets a welcome notice.</summary>
public sealed class HouseholdRegisteredConsumer(NotificationsDbContext db, TimeProvider time, ILogger<HouseholdRegisteredConsumer> logger)
    : IdempotentConsumer<HouseholdRegistered, NotificationsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(HouseholdRegistered message, ConsumeContext<HouseholdRegistered> context)
    {
        Db.Notices.Add(Notice.HouseholdWelcome(message.HouseholdId, message.HouseholdNumber, message.VillageCode, Time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
