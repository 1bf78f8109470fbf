namespace MassWork.Visits.Diary;

/// <summary>
/// An entry of a cadre's diary (民情日记): the day it is about, what the cadre saw, heard and did,
/// and the visit it belongs to, if any. RegionCode is the cadre's region when written: the diary is
/// read within it. Never changed afterwards.
/// </summary>
public sealed class DiaryEntry
{
    private DiaryEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid CadreId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>The Asia/Shanghai day the entry is about.</summary>
    public DateOnly Day { get; private set; }

    public string Text { get; private set; } = "";

    public Guid? VisitId { get; private set; }

    public string WrittenBy { get; private set; } = "";

    public DateTimeOffset WrittenAt { get; private set; }

    public static DiaryEntry Write(Guid cadreId, string regionCode, DateOnly day, string text, Guid? visitId, string writtenBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CadreId = cadreId,
        RegionCode = regionCode,
        Day = day,
        Text = text,
        VisitId = visitId,
        WrittenBy = writtenBy,
        WrittenAt = Records.Visit.ToMicroseconds(now),
    };
}
