using MassWork.Personnel.Pairings;

namespace MassWork.Personnel.Attendance;

/// <summary>
/// Whether a resident member was on site enough: at least the policy's days per week or month
/// (5 a week in the seeds; Ganzhou used 20 a month). Approved leave lowers what is required by its
/// days in the period; unapproved absence does not.
/// </summary>
public static class PresenceRule
{
    public static (DateOnly First, DateOnly Last) PeriodContaining(DateOnly day, PresencePeriod period)
    {
        if (period == PresencePeriod.Month)
        {
            var first = new DateOnly(day.Year, day.Month, 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }

        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }

    public static int RequiredDays(int policyDays, int approvedLeaveDaysInPeriod) => Math.Max(0, policyDays - approvedLeaveDaysInPeriod);

    /// <summary>Days of [first, last] that fall in the period.</summary>
    public static int Overlap(DateOnly first, DateOnly last, DateOnly periodFirst, DateOnly periodLast)
    {
        var start = first > periodFirst ? first : periodFirst;
        var end = last < periodLast ? last : periodLast;
        return end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    }
}
