namespace MassWork.Visits.Frequency;

/// <summary>
/// A city's visiting frequency (走访频次), stored and editable; the defaults are seed 004's figures.
/// A field left out of a stored policy takes its default. The household and village-day figures are
/// for a whole year: a pairing held part of the year owes its share (<see cref="FrequencyRules.Required"/>).
/// </summary>
public sealed record FrequencyPolicy
{
    /// <summary>Beyond a contact a week a figure is a typing error, not a policy.</summary>
    public const int MaxContactsPerYear = 52;

    public const int MaxVillageDays = 366;

    public const int MaxMeetingsPerQuarter = 13;

    /// <summary>Half a year: a warning earlier than that is no warning.</summary>
    public const int MaxDueSoonDays = 183;

    /// <summary>The rank personnel's events give a 科级以上 cadre.</summary>
    public const string SectionLevelRank = "SectionLevel";

    /// <summary>Contacts (distinct days with a visit, any mode) each cadre owes each household paired with them.</summary>
    public int HouseholdContactsPerYear { get; init; } = 3;

    /// <summary>Days in the village a year for a section-level cadre (科级以上).</summary>
    public int SectionLevelVillageDays { get; init; } = 10;

    /// <summary>Days in the village a year for any other cadre (一般干部).</summary>
    public int GeneralVillageDays { get; init; } = 5;

    /// <summary>民情分析联席会 each village holds a quarter.</summary>
    public int MeetingsPerQuarter { get; init; } = 1;

    /// <summary>Days before the year's end when a cadre still behind is told the contacts or days are due soon.</summary>
    public int DueSoonDays { get; init; } = 30;

    public static FrequencyPolicy Default { get; } = new();
}
