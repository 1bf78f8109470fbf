namespace MassWork.Blobs.Photos;

/// <summary>A point on the earth in WGS-84 degrees, as GPS gives it.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle distance (haversine): exact enough at the scale of a village.</summary>
    public double MetresTo(GeoPoint other)
    {
        var (lat1, lat2) = (Radians(Latitude), Radians(other.Latitude));
        var (dLat, dLon) = (lat2 - lat1, Radians(other.Longitude - Longitude));
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
