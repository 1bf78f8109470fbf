using System.ComponentModel.DataAnnotations;

namespace MassWork.Visits.Frequency;

public sealed class FrequencyOptions
{
    public const string Section = "Frequency";

    /// <summary>How often the sweeper looks for households, cadres and villages behind; reminders are by the day, so minutes suffice.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Alerts announced per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 1000;
}
