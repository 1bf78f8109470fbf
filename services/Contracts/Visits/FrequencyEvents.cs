namespace MassWork.Contracts.Visits.V1;

/// <summary>
/// A cadre is behind the city's visiting frequency for a year and the year ends soon (within the
/// policy's due-soon days). Raised once per subject and year. Kind: "HouseholdContacts" — the
/// cadre's contacts with one paired household (HouseholdId and HouseholdNumber set);
/// "VillageDays" — the days the cadre spent in the village (驻村天数), no household. VillageCode is
/// the household's village, or the village of the cadre's latest pairing. Required is pro rata
/// for a pairing held part of the year; Done is what was recorded when the sweep found it. DueAt
/// is the year's end (midnight starting 1 January in Asia/Shanghai, as UTC). No names or phones.
/// </summary>
public sealed record VisitDueSoon(
    string Kind,
    Guid CadreId,
    Guid? HouseholdId,
    string? HouseholdNumber,
    string VillageCode,
    int Year,
    int Required,
    int Done,
    DateTimeOffset DueAt,
    DateTimeOffset RaisedAt);

/// <summary>
/// A year ended with a cadre behind the city's visiting frequency (fields as in
/// <see cref="VisitDueSoon"/>). Raised once per subject and year, after the late-entry days past
/// the year's end, so a visit synced late from a phone without signal still counts.
/// </summary>
public sealed record VisitOverdue(
    string Kind,
    Guid CadreId,
    Guid? HouseholdId,
    string? HouseholdNumber,
    string VillageCode,
    int Year,
    int Required,
    int Done,
    DateTimeOffset DueAt,
    DateTimeOffset RaisedAt);

/// <summary>
/// A quarter ended with a village holding fewer 民情分析联席会 (quarterly analysis meetings) than
/// the city requires. Raised once per village and quarter. FirstDay and LastDay are the quarter's
/// Asia/Shanghai dates.
/// </summary>
public sealed record MeetingOverdue(
    string VillageCode,
    int Year,
    int Quarter,
    DateOnly FirstDay,
    DateOnly LastDay,
    int Required,
    int Held,
    DateTimeOffset RaisedAt);
