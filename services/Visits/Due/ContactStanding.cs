using System.Text.Json.Serialization;
using MassWork.Visits.Frequency;

namespace MassWork.Visits.Due;

/// <summary>Where a cadre stands with a paired household's contacts for the year (走访进度).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactStanding>))]
public enum ContactStanding
{
    /// <summary>The contacts owed this year are done.</summary>
    Done,

    /// <summary>Behind, with time left before the due-soon reminder (未完成).</summary>
    Owed,

    /// <summary>Behind within the policy's due-soon days before the year's end, or in the late-entry days after it (临期).</summary>
    DueSoon,

    /// <summary>The year and its late-entry days are over and contacts are missing (逾期).</summary>
    Overdue,
}

/// <summary>
/// The standing of one (cadre, household) for a year, judged as the frequency sweeper judges its
/// reminders: due soon from <see cref="FrequencyRules.DueSoonFrom"/>, overdue once the year and its
/// late-entry days have passed (<see cref="FrequencyRules.OverdueFrom"/>), so the list a cadre reads
/// and the SMS they get never disagree.
/// </summary>
public static class ContactStandings
{
    public static ContactStanding Of(int required, int done, int year, FrequencyPolicy policy, int lateEntryDays, DateTimeOffset now) =>
        done >= required ? ContactStanding.Done
        : now >= FrequencyRules.OverdueFrom(new DateOnly(year, 12, 31), lateEntryDays) ? ContactStanding.Overdue
        : now >= FrequencyRules.DueSoonFrom(year, policy.DueSoonDays) ? ContactStanding.DueSoon
        : ContactStanding.Owed;
}
