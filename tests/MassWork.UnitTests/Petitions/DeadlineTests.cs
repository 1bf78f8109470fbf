using MassWork.Petitions.Deadlines;

namespace MassWork.UnitTests.Petitions;

public sealed class DeadlineTests
{
    /// <summary>2026 Spring Festival per the State Council notice: Feb 15–23 off, Saturdays Feb 14 and 28 worked.</summary>
    internal static readonly WorkCalendar SpringFestival2026 = new(
        Enumerable.Range(15, 9).Select(d => new CalendarDay(new DateOnly(2026, 2, d), false, "春节"))
            .Append(new CalendarDay(new DateOnly(2026, 2, 14), true, "春节调休"))
            .Append(new CalendarDay(new DateOnly(2026, 2, 28), true, "春节调休")));

    private static readonly DeadlineCalculator Calculator = new(SpringFestival2026);

    private static DateTimeOffset Shanghai(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Five_working_days_from_the_Friday_before_Spring_Festival_count_the_swapped_Saturday_and_skip_the_holiday()
    {
        var due = Calculator.From(Shanghai(2, 13), DeadlineRule.WorkingDays(5));

        // Sat 14 (worked), then Tue 24 … Fri 27 after the holiday: the limit runs to the end of Feb 27.
        Assert.Equal(Shanghai(2, 28, 0), due.At);
    }

    [Fact]
    public void A_swapped_working_Saturday_counts_as_a_working_day()
    {
        Assert.True(SpringFestival2026.IsWorkingDay(new DateOnly(2026, 2, 28)));
        Assert.False(SpringFestival2026.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.False(SpringFestival2026.IsWorkingDay(new DateOnly(2026, 3, 1)));

        // Thu 26: Fri 27, Sat 28 (worked), Mon Mar 2.
        Assert.Equal(Shanghai(3, 3, 0), Calculator.From(Shanghai(2, 26), DeadlineRule.WorkingDays(3)).At);
    }

    [Fact]
    public void Without_the_holiday_calendar_the_same_limit_would_end_inside_the_holiday()
    {
        var plain = new DeadlineCalculator(WorkCalendar.Empty).From(Shanghai(2, 13), DeadlineRule.WorkingDays(5));

        Assert.Equal(Shanghai(2, 21, 0), plain.At);
    }

    [Fact]
    public void Calendar_days_run_through_holidays_to_the_end_of_the_last_day_in_Shanghai()
    {
        // Registered at 23:30 Shanghai on Feb 10 (15:30 UTC): the 15th day is Feb 25.
        var due = Calculator.From(new DateTimeOffset(2026, 2, 10, 15, 30, 0, TimeSpan.Zero), DeadlineRule.Days(15));

        Assert.Equal(new DateTimeOffset(2026, 2, 25, 16, 0, 0, TimeSpan.Zero), due.At);
        Assert.Equal(due.At.AddDays(-1), due.WarnAt);
    }

    [Fact]
    public void Hour_limits_run_from_the_instant_and_warn_a_quarter_before()
    {
        var start = Shanghai(2, 16, 22);
        var due = Calculator.From(start, DeadlineRule.Hours(2));

        Assert.Equal(start.AddHours(2), due.At);
        Assert.Equal(start.AddMinutes(90), due.WarnAt);
    }

    [Fact]
    public void A_month_runs_to_the_same_date_next_month()
    {
        Assert.Equal(Shanghai(2, 28, 0).AddDays(1), Calculator.From(Shanghai(1, 31), DeadlineRule.Months(1)).At);
        Assert.Equal(Shanghai(12, 16, 0), Calculator.From(Shanghai(11, 15), DeadlineRule.Months(1)).At);
    }

    [Fact]
    public void The_default_policy_has_the_regulation_figures_and_validates()
    {
        var policy = PetitionPolicy.Default;

        Assert.Equal((15, 15, 5, 60, 30), (policy.Route.Amount, policy.Accept.Amount, policy.Objection.Amount, policy.Resolve.Amount, policy.MaxExtensionDays));
        Assert.Equal(DurationUnit.WorkingDays, policy.Objection.Unit);
        Assert.Equal((7, 1), (policy.ProgressCallBack.Amount, policy.Revisit.Amount));
        Assert.Equal(DeadlineRule.Hours(1), policy.WorkOrder("Emergency").Dispatch);
        Assert.Equal(DeadlineRule.Days(7), policy.WorkOrder("no-such-class").Result);
        Assert.Empty(new PetitionPolicyValidator().Validate(policy).ToErrors());
    }

    [Fact]
    public void A_policy_without_the_general_class_or_with_a_zero_limit_is_refused_by_field()
    {
        var errors = new PetitionPolicyValidator().Validate(PetitionPolicy.Default with { Resolve = DeadlineRule.Days(0), WorkOrderClasses = new Dictionary<string, WorkOrderLimits>() }).ToErrors();

        Assert.Contains("resolve", errors.Keys);
        Assert.Contains("workOrderClasses", errors.Keys);
    }
}
