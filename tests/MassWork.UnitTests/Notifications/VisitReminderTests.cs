using MassWork.Contracts.Visits.V1;
using MassWork.Notifications.Digest;
using MassWork.Notifications.Events;
using MassWork.Notifications.Templates;

namespace MassWork.UnitTests.Notifications;

public sealed class VisitReminderTests
{
    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static readonly DateTimeOffset YearEnd = Shanghai(2027, 1, 1);

    [Fact]
    public void A_cadre_behind_on_a_household_is_told_its_number_what_was_done_and_by_when_once()
    {
        var (cadre, household) = (Guid.NewGuid(), Guid.NewGuid());
        var soon = VisitReminderFacts.Of(new VisitDueSoon("HouseholdContacts", cadre, household, "ZS-V-0001", "360731105201", 2026, 3, 1, YearEnd, YearEnd.AddDays(-30)));
        var late = VisitReminderFacts.Of(new VisitOverdue("HouseholdContacts", cadre, household, "ZS-V-0001", "360731105201", 2026, 3, 1, YearEnd, YearEnd.AddDays(3)));

        var dueSoon = Assert.Single(EventNotices.VisitReminder(soon, "13970701234"));
        var overdue = Assert.Single(EventNotices.VisitReminder(late, "13970701234"));

        Assert.Equal((DefaultTemplates.VisitContactsDueSoon, "2026年12月31日", "ZS-V-0001"), (dueSoon.TemplateCode, dueSoon.Values["due"], dueSoon.Values["number"]));
        Assert.Equal(DefaultTemplates.VisitContactsOverdue, overdue.TemplateCode);
        Assert.NotEqual(dueSoon.IdempotencyKey, overdue.IdempotencyKey);
        Assert.Equal(dueSoon.IdempotencyKey, Assert.Single(EventNotices.VisitReminder(soon with { Done = 2 }, "13970701234")).IdempotencyKey);
        Assert.Equal((DigestKind.ContactsDueSoon, DigestKind.ContactsOverdue), (soon.DigestKind, late.DigestKind));
        Assert.Null(dueSoon.ActBy);
    }

    [Fact]
    public void Days_in_the_village_have_templates_of_their_own_and_one_digest_line_kind()
    {
        var days = VisitReminderFacts.Of(new VisitOverdue("VillageDays", Guid.NewGuid(), null, null, "360731105201", 2026, 10, 4, YearEnd, YearEnd));

        var notice = Assert.Single(EventNotices.VisitReminder(days, "13970701234"));

        Assert.Equal(DefaultTemplates.VillageDaysOverdue, notice.TemplateCode);
        Assert.Equal(DigestKind.VillageDays, days.DigestKind);
        Assert.Null(notice.HouseholdId);
    }

    [Fact]
    public void Every_visits_template_renders_within_one_SMS_with_the_values_its_events_give()
    {
        var facts = new[] { "HouseholdContacts", "VillageDays" }.SelectMany(kind => new[] { false, true }.Select(overdue =>
            new VisitReminderFacts(kind, overdue, Guid.NewGuid(), Guid.NewGuid(), "T-0123456789abcdef0123", "360731105201", 2026, 366, 365, YearEnd)));
        var notices = facts.SelectMany(f => EventNotices.VisitReminder(f, "13970701234"))
            .Append(EventNotices.VisitDigest(Guid.NewGuid(), Shanghai(2026, 6, 8, 9), 1200, 300, 45, 7, "13970701234", "360731105"));

        foreach (var notice in notices)
        {
            var template = DefaultTemplates.All.Single(t => t.Code == notice.TemplateCode);
            var (text, missing) = TemplateText.Render(template.Text, notice.Values);
            Assert.True(missing.Count == 0, $"{notice.TemplateCode} misses {string.Join(", ", missing)}");
            Assert.True(SmsSegments.Count(TemplateText.Signed(template.Signature, text!)) <= 2, $"{notice.TemplateCode}: {text}");
        }
    }

    [Theory]
    // Monday 9:00 in Shanghai: the slot itself.
    [InlineData("2026-06-08T09:00:00+08:00", "2026-06-08T09:00:00+08:00")]
    [InlineData("2026-06-08T08:59:59+08:00", "2026-06-01T09:00:00+08:00")]
    [InlineData("2026-06-10T10:00:00+08:00", "2026-06-08T09:00:00+08:00")]
    [InlineData("2026-06-14T23:59:00+08:00", "2026-06-08T09:00:00+08:00")]
    // 01:00 UTC on Monday is 09:00 in Shanghai; 23:00 UTC on Sunday is already Monday 07:00 there.
    [InlineData("2026-06-08T01:00:00+00:00", "2026-06-08T09:00:00+08:00")]
    [InlineData("2026-06-07T23:00:00+00:00", "2026-06-01T09:00:00+08:00")]
    public void The_weekly_slot_is_the_latest_Shanghai_weekday_and_hour_reached(string now, string slot)
    {
        var schedule = new DigestSchedule(DayOfWeek.Monday, 9);

        Assert.Equal(DateTimeOffset.Parse(slot), schedule.LatestSlot(DateTimeOffset.Parse(now)));
    }

    [Fact]
    public void A_slot_late_in_the_week_wraps_to_the_week_before()
    {
        var schedule = new DigestSchedule(DayOfWeek.Sunday, 20);

        Assert.Equal(Shanghai(2026, 6, 7, 20), schedule.LatestSlot(Shanghai(2026, 6, 10, 10)));
        Assert.Equal(Shanghai(2026, 6, 14, 20), schedule.LatestSlot(Shanghai(2026, 6, 14, 20)));
    }
}
