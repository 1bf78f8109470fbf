using MassWork.Contracts.Personnel.V1;
using MassWork.Contracts.Visits.V1;

namespace MassWork.ServiceTests.Notifications;

/// <summary>
/// Visits reminders with the service's clock moved by the test: one SMS to the cadre per reminder,
/// and the week's reminders counted in one SMS to the village's team leader at the weekly slot
/// (Monday 09:00 in Shanghai by default), never before it and never twice. Moves the clock forward only.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class VisitDigestTests(NotificationsFixture service)
{
    private string Operator => service.Token("3607", Roles.Operator, "sms-operator");

    private static string NewPhone() => $"135{Random.Shared.Next(0, 100_000_000):D8}";

    private async Task<JsonElement[]> MessagesAsync(string phone) =>
        (await service.SendAsync(HttpMethod.Get, $"/api/notifications/messages?phone={phone}", Operator)).GetProperty("messages").EnumerateArray().ToArray();

    private Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class => service.Infrastructure.PublishAsync(message, messageId ?? Guid.NewGuid());

    private Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) => service.Infrastructure.CountAsync("notificationsdb", sql, parameters);

    /// <summary>The next Monday 09:00 in Shanghai after the service's clock.</summary>
    private DateTimeOffset NextSlot()
    {
        var now = ChinaTime.Local(service.Clock.GetUtcNow());
        var monday = now.Date.AddDays(((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7);
        var slot = new DateTimeOffset(monday.AddHours(9), TimeSpan.FromHours(8));
        return slot > now ? slot : slot.AddDays(7);
    }

    [Fact]
    public async Task A_cadre_gets_one_SMS_per_reminder_and_the_team_leader_one_digest_at_the_weekly_slot()
    {
        var village = $"360702009{Random.Shared.Next(200, 400):D3}";
        var (leader, cadre, leaderPhone, cadrePhone) = (Guid.NewGuid(), Guid.NewGuid(), NewPhone(), NewPhone());
        var now = service.Clock.GetUtcNow();
        await PublishAsync(new CadreRegistered(leader, "刘建军", leaderPhone, "SectionLevel", "工作队队长", null, null, village[..9] + "000", null, now));
        await PublishAsync(new CadreRegistered(cadre, "钟文华", cadrePhone, "General", "科员", null, null, village[..9] + "000", null, now));
        await PublishAsync(new TeamMemberJoined(Guid.NewGuid(), Guid.NewGuid(), village, leader, "Leader", now));
        await Eventually.HoldsAsync(async () => await CountAsync("SELECT count(*) FROM cadre_contacts WHERE cadre_id = ANY(@ids) AND phone_cipher IS NOT NULL", ("ids", new[] { leader, cadre })) == 2
                && await CountAsync("SELECT count(*) FROM team_members WHERE cadre_id = @c", ("c", leader)) == 1,
            TimeSpan.FromSeconds(30), "the cadres' phones and the village's leader");
        // Whatever a slot already past still held goes now; what follows waits for the next slot.
        await service.Digest.RunOnceAsync(CancellationToken.None);

        var yearEnd = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var first = new VisitOverdue("HouseholdContacts", cadre, Guid.NewGuid(), "ZS-V-0001", village, 2025, 3, 1, yearEnd.AddYears(-1), now);
        var again = Guid.NewGuid();
        await PublishAsync(first);
        await PublishAsync(new VisitOverdue("HouseholdContacts", cadre, Guid.NewGuid(), "ZS-V-0002", village, 2025, 2, 0, yearEnd.AddYears(-1), now));
        await PublishAsync(new VisitDueSoon("VillageDays", cadre, null, null, village, 2026, 5, 2, yearEnd, now));
        await PublishAsync(new MeetingOverdue(village, 2026, 1, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), 1, 0, now));
        // The same reminder under another message id: its key still makes it one SMS and one line.
        await PublishAsync(first, again);
        await Eventually.HoldsAsync(async () => await CountAsync("SELECT count(*) FROM digest_items WHERE village_code = @v", ("v", village)) == 4
                && await CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @m", ("m", again)) == 1,
            TimeSpan.FromSeconds(30), "the reminders consumed");

        var cadreMessages = await MessagesAsync(cadrePhone);
        Assert.Equal(["village-days-due-soon", "visit-contacts-overdue", "visit-contacts-overdue"], cadreMessages.Select(m => m.GetProperty("templateCode").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(cadreMessages, m => m.GetProperty("text").GetString()!.Contains("户号ZS-V-0001）2025年走访1次，未达到3次的要求"));

        var slot = NextSlot();
        service.SetClock(slot.AddSeconds(-1));
        Assert.Equal(0, await service.Digest.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await MessagesAsync(leaderPhone));

        service.SetClock(slot);
        var written = await Task.WhenAll(service.Digest.RunOnceAsync(CancellationToken.None), service.Digest.RunOnceAsync(CancellationToken.None));
        service.SetClock(slot.AddHours(1));
        await service.Digest.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, written.Sum());
        var digest = Assert.Single(await MessagesAsync(leaderPhone));
        Assert.Equal("visit-digest", digest.GetProperty("templateCode").GetString());
        Assert.Contains("联户走访逾期2户次、临近期限0户次，驻村天数不足1人次，民情分析联席会逾期1村次", digest.GetProperty("text").GetString());
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM digest_items WHERE village_code = @v AND digested_at IS NULL", ("v", village)));
    }
}
