using System.ComponentModel.DataAnnotations;

namespace MassWork.Visits.Photos;

/// <summary>How far a photo may be from its visit before it is flagged (section <c>Visits:Photos</c>).</summary>
public sealed class VisitPhotoOptions
{
    public const string Section = "Visits:Photos";

    /// <summary>Between the EXIF capture time and the visit's time: a visit lasts, and its time is often typed in afterwards.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TimeTolerance { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// Metres between the EXIF position and the visit's place, on top of the place's own accuracy;
    /// also covers the few hundred metres between WGS-84 and the GCJ-02 positions some apps give.
    /// </summary>
    [Range(10, 100_000)]
    public double DistanceMetres { get; set; } = 500;
}
