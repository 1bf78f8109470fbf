namespace MassWork.Personnel.Regions;

/// <summary>A point in WGS-84 degrees, as phones report it.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>
    /// The point from optional request fields, or null when both are absent; a half-given or
    /// out-of-range point is an error under the field's name.
    /// </summary>
    public static GeoPoint? From(double? latitude, double? longitude, Dictionary<string, string[]> errors)
    {
        if (latitude is null && longitude is null)
        {
            return null;
        }

        if (latitude is not (>= -90 and <= 90))
        {
            errors["latitude"] = ["Degrees between -90 and 90, given with longitude."];
        }

        if (longitude is not (>= -180 and <= 180))
        {
            errors["longitude"] = ["Degrees between -180 and 180, given with latitude."];
        }

        return errors.ContainsKey("latitude") || errors.ContainsKey("longitude") ? null : new GeoPoint(latitude!.Value, longitude!.Value);
    }

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
