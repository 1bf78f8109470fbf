using MassWork.Blobs.Photos;
using MassWork.Visits.Records;

namespace MassWork.Visits.Photos;

/// <summary>The rules that compare a photo with its visit: time, place, and whether it was used before.</summary>
public static class PhotoChecks
{
    /// <summary>The flags in <see cref="PhotoFlag"/> order; none for a photo that matches its visit.</summary>
    public static List<PhotoFlag> Flags(PhotoFacts facts, DateTimeOffset visitedAt, VisitPlace? place, VisitPhotoOptions tolerances, bool reused)
    {
        var flags = new List<PhotoFlag>();
        if (facts.CapturedAt is { } capturedAt && (capturedAt - visitedAt).Duration() > tolerances.TimeTolerance)
        {
            flags.Add(PhotoFlag.TimeMismatch);
        }

        if (Distance(facts, place) is { } metres && metres > tolerances.DistanceMetres + place!.AccuracyMetres)
        {
            flags.Add(PhotoFlag.PlaceMismatch);
        }

        if (facts.CapturedAt is null)
        {
            flags.Add(PhotoFlag.NoCaptureTime);
        }

        if (facts.Location is null && place is not null)
        {
            flags.Add(PhotoFlag.NoLocation);
        }

        if (reused)
        {
            flags.Add(PhotoFlag.Reused);
        }

        return flags;
    }

    /// <summary>Metres between where the photo was taken and the visit's place, when both are known.</summary>
    public static double? Distance(PhotoFacts facts, VisitPlace? place) =>
        facts.Location is { } location && place is not null ? location.MetresTo(new GeoPoint(place.Latitude, place.Longitude)) : null;
}
