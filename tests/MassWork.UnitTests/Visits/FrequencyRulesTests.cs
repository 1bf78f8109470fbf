using MassWork.Visits.Frequency;

namespace MassWork.UnitTests.Visits;

public sealed class FrequencyRulesTests
{
    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(365, 2026, 3)]
    [InlineData(366, 2028, 3)]
    // Paired from 1 July 2026: 184 of 365 days, 3 × 184 / 365 = 1.51, so 2.
    [InlineData(184, 2026, 2)]
    // Paired on 1 December: 31 days still owe one contact, never none.
    [InlineData(31, 2026, 1)]
    [InlineData(1, 2026, 1)]
    [InlineData(0, 2026, 0)]
    // Exactly two thirds of a year owes exactly 2; a day more owes 3.
    [InlineData(244, 2026, 3)]
    [InlineData(243, 2026, 2)]
    public void A_pairing_held_part_of_the_year_owes_its_share_rounded_up(int pairedDays, int year, int required)
    {
        Assert.Equal(required, FrequencyRules.Required(3, pairedDays, year));
    }

    [Fact]
    public void More_days_than_the_year_has_owe_the_whole_year_and_the_table_holds_every_count()
    {
        Assert.Equal(10, FrequencyRules.Required(10, 366, 2026));
        var table = FrequencyRules.RequiredByPairedDays(5, 2026);
        Assert.Equal(FrequencyRules.TableLength, table.Length);
        Assert.Equal((0, 1, 5, 5), (table[0], table[1], table[365], table[366]));
        Assert.Equal(Enumerable.Range(0, 367).Select(d => FrequencyRules.Required(5, d, 2026)), table);
    }

    [Fact]
    public void Paired_days_are_Shanghai_dates_from_the_start_to_the_end_both_counted()
    {
        Assert.Equal(365, FrequencyRules.PairedDays(Shanghai(2025, 3, 1), null, 2026));
        Assert.Equal(184, FrequencyRules.PairedDays(Shanghai(2026, 7, 1, 10), null, 2026));
        // 16:30 UTC on 30 June is 00:30 on 1 July in Shanghai.
        Assert.Equal(184, FrequencyRules.PairedDays(new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero), null, 2026));
        Assert.Equal(1, FrequencyRules.PairedDays(Shanghai(2026, 3, 1, 9), Shanghai(2026, 3, 1, 17), 2026));
        Assert.Equal(31 + 28, FrequencyRules.PairedDays(null, Shanghai(2026, 2, 28, 12), 2026));
    }

    [Fact]
    public void A_pairing_ending_at_midnight_does_not_cover_the_day_that_begins()
    {
        Assert.Equal(365, FrequencyRules.PairedDays(Shanghai(2025, 6, 1), Shanghai(2027, 1, 1), 2026));
        Assert.Equal(0, FrequencyRules.PairedDays(Shanghai(2025, 6, 1), Shanghai(2026, 1, 1), 2026));
        Assert.Equal(1, FrequencyRules.PairedDays(Shanghai(2025, 6, 1), Shanghai(2026, 1, 1, 0, 0, 1), 2026));
        Assert.Equal(0, FrequencyRules.PairedDays(Shanghai(2027, 1, 1), null, 2026));
    }

    [Fact]
    public void The_year_ends_at_midnight_in_Shanghai_and_due_soon_begins_the_policys_days_before()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), FrequencyRules.YearEnd(2026));
        Assert.Equal(Shanghai(2026, 12, 2), FrequencyRules.DueSoonFrom(2026, 30));
        Assert.Equal(Shanghai(2027, 1, 4), FrequencyRules.OverdueFrom(new DateOnly(2026, 12, 31), 3));
    }

    [Fact]
    public void Due_soon_opens_at_the_first_instant_of_its_window_in_each_city()
    {
        var policy = FrequencyPolicy.Default with { DueSoonDays = 30 };
        var before = Shanghai(2026, 12, 1, 23, 59, 59);
        var at = Shanghai(2026, 12, 2);
        Assert.False(SweepPlan.At(before, 3).DueSoonOpen(policy, before));
        Assert.True(SweepPlan.At(at, 3).DueSoonOpen(policy, at));
        Assert.True(SweepPlan.At(at, 3).DueSoonOpen(policy with { DueSoonDays = 60 }, at));
        Assert.False(SweepPlan.At(at, 3).DueSoonOpen(policy with { DueSoonDays = 29 }, at));
    }

    [Fact]
    public void A_new_year_judges_the_old_one_once_the_late_entry_days_have_passed()
    {
        var newYear = SweepPlan.At(Shanghai(2027, 1, 1), 3);
        Assert.Equal((2027, (int?)null), (newYear.Year, newYear.OverdueYear));
        Assert.Null(SweepPlan.At(new DateTimeOffset(2027, 1, 3, 15, 59, 59, TimeSpan.Zero), 3).OverdueYear);
        // 16:00 UTC on 3 January is midnight starting 4 January in Shanghai.
        Assert.Equal(2026, SweepPlan.At(new DateTimeOffset(2027, 1, 3, 16, 0, 0, TimeSpan.Zero), 3).OverdueYear);
        Assert.Equal(2026, SweepPlan.At(Shanghai(2027, 12, 31, 23, 59, 59), 3).OverdueYear);
        Assert.Equal(2026, SweepPlan.At(Shanghai(2027, 1, 1), 0).OverdueYear);
        // The due-soon window of the year just ended is closed: what is left is overdue.
        Assert.False(newYear.DueSoonOpen(FrequencyPolicy.Default with { DueSoonDays = FrequencyPolicy.MaxDueSoonDays }, Shanghai(2027, 1, 1)));
    }

    [Fact]
    public void A_quarter_is_judged_once_its_last_day_and_the_late_entry_days_have_passed()
    {
        Assert.Null(SweepPlan.At(Shanghai(2026, 4, 3, 23, 59, 59), 3).OverdueQuarter);
        Assert.Equal(new Quarter(2026, 1), SweepPlan.At(Shanghai(2026, 4, 4), 3).OverdueQuarter);
        Assert.Equal(new Quarter(2026, 1), SweepPlan.At(Shanghai(2026, 6, 10, 10), 3).OverdueQuarter);
        Assert.Equal(new Quarter(2025, 4), SweepPlan.At(Shanghai(2026, 1, 4), 3).OverdueQuarter);
        Assert.Null(SweepPlan.At(Shanghai(2026, 1, 3), 3).OverdueQuarter);
    }

    [Theory]
    [InlineData("2026Q1", 2026, 1, "2026-01-01", "2026-03-31")]
    [InlineData("2026Q2", 2026, 2, "2026-04-01", "2026-06-30")]
    [InlineData("2028Q1", 2028, 1, "2028-01-01", "2028-03-31")]
    [InlineData("2025Q4", 2025, 4, "2025-10-01", "2025-12-31")]
    public void A_quarter_is_written_year_Q_number_and_runs_three_calendar_months(string text, int year, int number, string first, string last)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal(new Quarter(year, number), quarter);
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), (quarter.FirstDay, quarter.LastDay));
        Assert.Equal(text, quarter.ToString());
        Assert.Equal(quarter, Quarter.Of(quarter.LastDay));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("26Q1")]
    [InlineData("2026-Q1")]
    [InlineData("2026q1")]
    public void Anything_else_is_not_a_quarter(string? text)
    {
        Assert.False(Quarter.TryParse(text, out _));
    }

    [Fact]
    public void The_quarter_before_the_first_is_the_last_of_the_year_before()
    {
        Assert.Equal(new Quarter(2025, 4), new Quarter(2026, 1).Previous);
        Assert.Equal(new Quarter(2026, 2), new Quarter(2026, 3).Previous);
        Assert.False(FrequencyRules.QuarterEnded(new Quarter(2026, 1), new DateOnly(2026, 3, 31)));
        Assert.True(FrequencyRules.QuarterEnded(new Quarter(2026, 1), new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void The_default_policy_is_seed_004s_and_is_valid()
    {
        var policy = FrequencyPolicy.Default;
        Assert.Equal((3, 10, 5, 1), (policy.HouseholdContactsPerYear, policy.SectionLevelVillageDays, policy.GeneralVillageDays, policy.MeetingsPerQuarter));
        Assert.Empty(new FrequencyPolicyValidator().Validate(policy).ToErrors());
    }

    [Theory]
    [InlineData("householdContactsPerYear", -1)]
    [InlineData("householdContactsPerYear", 0)]
    [InlineData("householdContactsPerYear", 53)]
    [InlineData("sectionLevelVillageDays", -10)]
    [InlineData("sectionLevelVillageDays", 367)]
    [InlineData("generalVillageDays", 0)]
    [InlineData("generalVillageDays", 1000)]
    [InlineData("meetingsPerQuarter", 0)]
    [InlineData("meetingsPerQuarter", 14)]
    [InlineData("dueSoonDays", 0)]
    [InlineData("dueSoonDays", 184)]
    public void A_negative_or_absurd_figure_is_refused_naming_its_field(string field, int value)
    {
        var policy = field switch
        {
            "householdContactsPerYear" => FrequencyPolicy.Default with { HouseholdContactsPerYear = value },
            "sectionLevelVillageDays" => FrequencyPolicy.Default with { SectionLevelVillageDays = value },
            "generalVillageDays" => FrequencyPolicy.Default with { GeneralVillageDays = value },
            "meetingsPerQuarter" => FrequencyPolicy.Default with { MeetingsPerQuarter = value },
            _ => FrequencyPolicy.Default with { DueSoonDays = value },
        };

        Assert.Equal([field], new FrequencyPolicyValidator().Validate(policy).ToErrors().Keys);
    }

    [Fact]
    public void Each_citys_table_follows_the_default_at_its_array_position()
    {
        var cities = new CityPolicies(["3607", "3608"], [FrequencyPolicy.Default with { HouseholdContactsPerYear = 6 }, FrequencyPolicy.Default with { HouseholdContactsPerYear = 1 }]);
        var tables = cities.RequiredTables(p => p.HouseholdContactsPerYear, 2026);

        Assert.Equal(3 * FrequencyRules.TableLength, tables.Length);
        Assert.Equal((3, 6, 1), (tables[365], tables[FrequencyRules.TableLength + 365], tables[2 * FrequencyRules.TableLength + 365]));
        Assert.Equal([1, 1, 1], cities.Values(p => p.MeetingsPerQuarter));
        Assert.Equal(["3607", "3608"], cities.Cities);
    }
}
