using MassWork.Visits.Due;
using MassWork.Visits.Frequency;

namespace MassWork.UnitTests.Visits;

public sealed class ContactStandingTests
{
    private const int LateEntryDays = 3;

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    // Behind in the spring: owed, nothing urgent yet.
    [InlineData(2026, 4, 1, 0, ContactStanding.Owed)]
    // From the policy's due-soon days before the year's end (30: 2 December 2026) the sweeper reminds, and the list says 临期.
    [InlineData(2026, 12, 1, 23, ContactStanding.Owed)]
    [InlineData(2026, 12, 2, 0, ContactStanding.DueSoon)]
    // After the year, a visit synced late still counts for the late-entry days: not yet overdue.
    [InlineData(2027, 1, 3, 23, ContactStanding.DueSoon)]
    [InlineData(2027, 1, 4, 0, ContactStanding.Overdue)]
    public void A_household_behind_is_owed_then_due_soon_then_overdue_as_the_sweeper_judges(int year, int month, int day, int hour, ContactStanding expected)
    {
        Assert.Equal(expected, ContactStandings.Of(3, 1, 2026, FrequencyPolicy.Default, LateEntryDays, Shanghai(year, month, day, hour)));
    }

    [Fact]
    public void Contacts_done_are_done_whenever_it_is_asked()
    {
        Assert.Equal(ContactStanding.Done, ContactStandings.Of(3, 3, 2026, FrequencyPolicy.Default, LateEntryDays, Shanghai(2027, 6, 1)));
        Assert.Equal(ContactStanding.Done, ContactStandings.Of(2, 5, 2026, FrequencyPolicy.Default, LateEntryDays, Shanghai(2026, 12, 20)));
    }

    [Fact]
    public void A_city_warning_earlier_says_due_soon_earlier()
    {
        var early = FrequencyPolicy.Default with { DueSoonDays = 61 };
        Assert.Equal(ContactStanding.DueSoon, ContactStandings.Of(3, 0, 2026, early, LateEntryDays, Shanghai(2026, 11, 1)));
        Assert.Equal(ContactStanding.Owed, ContactStandings.Of(3, 0, 2026, FrequencyPolicy.Default, LateEntryDays, Shanghai(2026, 11, 1)));
    }
}
