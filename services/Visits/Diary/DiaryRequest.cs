namespace MassWork.Visits.Diary;

/// <summary>
/// A diary entry as a cadre or a clerk sends it. CadreId may be left out by a cadre writing their
/// own (found by login); Date (Asia/Shanghai) defaults to the visit's day, or today; VisitId links
/// the entry to a visit the cadre made.
/// </summary>
public sealed record DiaryRequest(Guid? CadreId, DateOnly? Date, string? Text, Guid? VisitId = null);

/// <summary>A diary entry as read; WrittenAt in Asia/Shanghai (+08:00).</summary>
public sealed record DiaryView(Guid Id, Guid CadreId, string CadreName, DateOnly Date, string Text, Guid? VisitId, string WrittenBy, DateTimeOffset WrittenAt)
{
    public static DiaryView Of(DiaryEntry e, string cadreName) =>
        new(e.Id, e.CadreId, cadreName, e.Day, e.Text, e.VisitId, e.WrittenBy, ChinaTime.Local(e.WrittenAt));
}

public sealed record DiaryPage(long Total, int Page, int PageSize, IReadOnlyList<DiaryView> Entries);

/// <summary>Today (Asia/Shanghai) and the day of the visit an entry is linked to, if any: the days an entry's date is judged by.</summary>
public sealed record DiaryDays(DateOnly Today, DateOnly? VisitDay)
{
    /// <summary>The day the entry is about: the one given, else the visit's, else today.</summary>
    public DateOnly DayOf(DateOnly? date) => date ?? VisitDay ?? Today;
}
