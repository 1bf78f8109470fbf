using System.Globalization;

namespace MassWork.Petitions.Open311;

/// <summary>
/// Where a GeoReport v2 request is: the spec accepts any one of <c>address_id</c>, <c>lat</c> +
/// <c>long</c> or <c>address_string</c>. An <c>address_id</c> (a 12-digit division code) places the
/// case at that village or town. Coordinates or an address alone cannot be placed on the division
/// codes, so the case stays with the region that owns the client (its town or county office),
/// and the place is kept in the matter's text for whoever handles it.
/// </summary>
public sealed record Open311Location(string RegionCode, bool PlacedAtVillage, string? Described, string? Error)
{
    public static Open311Location Read(string? addressId, string? addressString, string? lat, string? @long, string clientRegion)
    {
        double? latitude = null, longitude = null;
        if (lat is not null || @long is not null)
        {
            if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || y is < -90 or > 90)
            {
                return Invalid("lat: a latitude in degrees, -90 to 90, given with long.");
            }

            if (!double.TryParse(@long, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x is < -180 or > 180)
            {
                return Invalid("long: a longitude in degrees, -180 to 180, given with lat.");
            }

            (latitude, longitude) = (y, x);
        }

        var coordinates = latitude is { } la && longitude is { } lo ? string.Create(CultureInfo.InvariantCulture, $"{la:0.######},{lo:0.######}") : null;
        var described = string.Join("；", new[] { addressString, coordinates is null ? null : $"坐标 {coordinates}" }.Where(p => p is not null));
        var place = described.Length == 0 ? null : described;
        if (addressId is not null)
        {
            // The intake checks the code itself, as for any other channel.
            return new(addressId, addressId.Length == 12 && !addressId.EndsWith("000", StringComparison.Ordinal), place, null);
        }

        return place is null
            ? Invalid("address_id, lat/long or address_string: one of them is required to say where.")
            : new(clientRegion.PadRight(12, '0'), false, place, null);
    }

    private static Open311Location Invalid(string error) => new("", false, null, error);
}
