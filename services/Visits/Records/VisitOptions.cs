using System.ComponentModel.DataAnnotations;

namespace MassWork.Visits.Records;

public sealed class VisitOptions
{
    public const string Section = "Visits";

    /// <summary>
    /// Days (Asia/Shanghai dates) a visit may be entered after it took place — a phone without
    /// signal in the mountains syncs later — before it is flagged as a late entry for supervisors.
    /// </summary>
    [Range(0, VisitRules.MaxAgeDays)]
    public int LateEntryDays { get; set; } = 3;
}
