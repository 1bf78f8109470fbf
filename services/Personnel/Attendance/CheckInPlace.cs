using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Attendance;

/// <summary>How far a check-in was from its village, and whether that is too far to count as on site.</summary>
public sealed record CheckInDistance(int Meters, bool Far);

/// <summary>
/// A check-in is far from the village when even the phone's reported accuracy cannot bring it
/// within the policy's radius of the village committee. The accuracy credit is capped at the radius,
/// so a fix "accurate to 50 km" does not excuse anything. Unknown when the check-in had no position
/// or the village has no location yet.
/// </summary>
public static class CheckInPlace
{
    public const double MaxAccuracyMeters = 100_000;

    public static CheckInDistance? Assess(GeoPoint? at, double? accuracyMeters, GeoPoint? village, int radiusMeters)
    {
        if (at is not { } point || village is not { } centre)
        {
            return null;
        }

        var meters = point.DistanceMeters(centre);
        var credit = Math.Min(accuracyMeters ?? 0, radiusMeters);
        return new CheckInDistance((int)Math.Round(meters), meters - credit > radiusMeters);
    }
}
