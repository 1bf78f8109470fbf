using System.ComponentModel.DataAnnotations;

namespace MassWork.Notifications.Digest;

public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>The Asia/Shanghai weekday the visits digest goes to team leaders.</summary>
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;

    /// <summary>The Asia/Shanghai hour (0–23) of that day, inside the SMS day window.</summary>
    [Range(0, 23)]
    public int Hour { get; set; } = 9;

    /// <summary>How often the job looks whether the week's slot has come.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public DigestSchedule Schedule => new(Weekday, Hour);
}
