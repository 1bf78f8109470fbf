using System.ComponentModel.DataAnnotations;

namespace MassWork.Visits.Figures;

public sealed class FiguresOptions
{
    public const string Section = "Figures";

    /// <summary>How often the background refresh recomputes the villages queued since the last one; up to a day, for a city that wants its kept figures refreshed nightly (a region with few villages pending is refreshed on read anyway).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A request for figures first refreshes its region's queued villages itself when there are no
    /// more than this many, so a clerk sees the visit just recorded; beyond that it answers at once
    /// from what is computed and says how many villages are still pending. A village costs up to a
    /// second to recompute on a busy city's data, so this stays small.
    /// </summary>
    [Range(0, 10_000)]
    public int InlineVillages { get; set; } = 10;

    /// <summary>Villages the background refresh recomputes per transaction.</summary>
    [Range(1, 100_000)]
    public int BatchVillages { get; set; } = 200;
}
