namespace MassWork.Visits.Frequency;

/// <summary>
/// What a sweep at an instant judges: the current year's due-soon reminders (in each city once its
/// policy's due-soon days before the year's end have begun), the previous year's overdue contacts
/// and village days, and the previous quarter's meetings — each of the last two once its grace
/// days have passed. Earlier periods are not judged again: their reminders have gone.
/// </summary>
public sealed record SweepPlan(int Year, int? OverdueYear, Quarter? OverdueQuarter)
{
    public static SweepPlan At(DateTimeOffset now, int graceDays)
    {
        var today = ChinaTime.LocalDate(now);
        var lastYear = today.Year - 1;
        var lastQuarter = Quarter.Of(today).Previous;
        return new SweepPlan(
            today.Year,
            now >= FrequencyRules.OverdueFrom(new DateOnly(lastYear, 12, 31), graceDays) ? lastYear : null,
            now >= FrequencyRules.OverdueFrom(lastQuarter.LastDay, graceDays) ? lastQuarter : null);
    }

    /// <summary>Whether a city with this policy is told now of the current year's contacts and days due soon.</summary>
    public bool DueSoonOpen(FrequencyPolicy policy, DateTimeOffset now) => now >= FrequencyRules.DueSoonFrom(Year, policy.DueSoonDays);
}
