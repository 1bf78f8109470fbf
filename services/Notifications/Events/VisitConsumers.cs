using MassTransit;
using MassWork.Contracts.Visits.V1;
using MassWork.Notifications.Digest;
using MassWork.Notifications.Messages;

namespace MassWork.Notifications.Events;

/// <summary>A visits reminder as both its events carry it; Key names the subject, level and year, and makes its SMS and digest line go once.</summary>
public sealed record VisitReminderFacts(
    string Kind, bool Overdue, Guid CadreId, Guid? HouseholdId, string? HouseholdNumber, string VillageCode, int Year, int Required, int Done, DateTimeOffset DueAt)
{
    public static VisitReminderFacts Of(VisitDueSoon e) =>
        new(e.Kind, false, e.CadreId, e.HouseholdId, e.HouseholdNumber, e.VillageCode, e.Year, e.Required, e.Done, e.DueAt);

    public static VisitReminderFacts Of(VisitOverdue e) =>
        new(e.Kind, true, e.CadreId, e.HouseholdId, e.HouseholdNumber, e.VillageCode, e.Year, e.Required, e.Done, e.DueAt);

    public string Key => $"visit-{(Overdue ? "overdue" : "due-soon")}:{Kind}:{CadreId}:{HouseholdId?.ToString() ?? "-"}:{Year}";

    public DigestKind DigestKind => Kind != "HouseholdContacts" ? DigestKind.VillageDays : Overdue ? DigestKind.ContactsOverdue : DigestKind.ContactsDueSoon;
}

public sealed class VisitDueSoonConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<VisitDueSoonConsumer> logger)
    : IdempotentConsumer<VisitDueSoon, NotificationsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(VisitDueSoon m, ConsumeContext<VisitDueSoon> context) =>
        VisitReminders.NoticeAsync(Db, writer, protector, VisitReminderFacts.Of(m), Time.GetUtcNow(), context.CancellationToken);
}

public sealed class VisitOverdueConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<VisitOverdueConsumer> logger)
    : IdempotentConsumer<VisitOverdue, NotificationsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(VisitOverdue m, ConsumeContext<VisitOverdue> context) =>
        VisitReminders.NoticeAsync(Db, writer, protector, VisitReminderFacts.Of(m), Time.GetUtcNow(), context.CancellationToken);
}

/// <summary>An overdue 民情分析联席会 is for the team leader's weekly digest only: no cadre owns a village's meeting.</summary>
public sealed class MeetingOverdueConsumer(NotificationsDbContext db, TimeProvider time, ILogger<MeetingOverdueConsumer> logger)
    : IdempotentConsumer<MeetingOverdue, NotificationsDbContext>(db, time, logger)
{
    protected override Task HandleAsync(MeetingOverdue m, ConsumeContext<MeetingOverdue> context) =>
        VisitReminders.AddToDigestAsync(Db, $"meeting-overdue:{m.VillageCode}:{m.Year}Q{m.Quarter}", m.VillageCode, DigestKind.MeetingOverdue, Time.GetUtcNow(), context.CancellationToken);
}

internal static class VisitReminders
{
    /// <summary>An SMS to the cadre, when a phone of theirs is known, and a line of the team leader's digest.</summary>
    public static async Task NoticeAsync(
        NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, VisitReminderFacts reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cipher = await db.CadreContacts.Where(c => c.CadreId == reminder.CadreId && c.PhoneCipher != null).Select(c => c.PhoneCipher).FirstOrDefaultAsync(cancellationToken);
        if (cipher is not null)
        {
            await writer.WriteAsync([.. EventNotices.VisitReminder(reminder, protector.Decrypt(cipher))], cancellationToken);
        }

        await AddToDigestAsync(db, reminder.Key, reminder.VillageCode, reminder.DigestKind, now, cancellationToken);
    }

    public static async Task AddToDigestAsync(NotificationsDbContext db, string key, string villageCode, DigestKind kind, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO digest_items (key, village_code, kind, created_at) VALUES ({key}, {villageCode}, {kind.ToString()}, {now})
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken);
}
