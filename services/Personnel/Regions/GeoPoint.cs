namespace MassWork.Personnel.Regions;

/// <summary>A point in WGS-84 degrees, as phones report it.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>
    /// The point from optional request fields, or null when either is absent or out of range; the
    /// fields' own rules (<see cref="LatitudeProblem"/>, <see cref="LongitudeProblem"/>) say which.
    /// </summary>
    public static GeoPoint? From(double? latitude, double? longitude) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 ? new GeoPoint(latitude.Value, longitude.Value) : null;

    /// <summary>A point is optional, but a half-given or out-of-range one is refused under the field's name.</summary>
    public static string? LatitudeProblem(double? latitude, double? longitude) =>
        (latitude is null && longitude is null) || latitude is >= -90 and <= 90 ? null : "Degrees between -90 and 90, given with longitude.";

    /// <inheritdoc cref="LatitudeProblem"/>
    public static string? LongitudeProblem(double? latitude, double? longitude) =>
        (latitude is null && longitude is null) || longitude is >= -180 and <= 180 ? null : "Degrees between -180 and 180, given with latitude.";

    /// <summary>Great-circle (haversine) distance; metres-accurate at village scale.</summary>
    public double DistanceMeters(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
