namespace MassWork.Visits.Photos;

/// <summary>
/// Why a photo of a visit deserves a supervisor's look. A flag never refuses the photo: the cadre
/// may have a reason (a phone whose clock was wrong, a photo taken on the way), and a supervisor
/// asks — but a visit whose proof does not match is the first place a fake 留痕 shows.
/// </summary>
public enum PhotoFlag
{
    /// <summary>Taken further from the visit's time than the city allows.</summary>
    TimeMismatch,

    /// <summary>Taken further from the visit's place than the city allows (beyond the place's own accuracy).</summary>
    PlaceMismatch,

    /// <summary>No capture time in EXIF: a screenshot, an edited or forwarded image (WeChat strips EXIF).</summary>
    NoCaptureTime,

    /// <summary>No GPS position in EXIF while the visit has a place to compare it with.</summary>
    NoLocation,

    /// <summary>The same bytes were already given as proof of another visit.</summary>
    Reused,
}
