namespace MassWork.Personnel.Regions;

/// <summary>A place down to village, keyed by its division code.</summary>
public sealed class Region
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required RegionLevel Level { get; init; }

    public string? ParentCode { get; init; }

    /// <summary>Where the village committee (村委会) or town government sits; check-ins are measured from it.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public GeoPoint? Location => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    public void Locate(GeoPoint point) => (Latitude, Longitude) = (point.Latitude, point.Longitude);
}
