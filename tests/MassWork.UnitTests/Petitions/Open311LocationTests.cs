using MassWork.Petitions.Open311;

namespace MassWork.UnitTests.Petitions;

public sealed class Open311LocationTests
{
    [Fact]
    public void An_address_id_places_the_case_at_that_village()
    {
        var location = Open311Location.Read("360702003201", "村委会旁", null, null, "360702");

        Assert.Equal(("360702003201", true, "村委会旁", null), (location.RegionCode, location.PlacedAtVillage, location.Described, location.Error));
    }

    [Fact]
    public void Coordinates_alone_keep_the_case_with_the_clients_region_and_the_place_in_the_text()
    {
        var location = Open311Location.Read(null, null, "25.8312", "114.9336", "360702003");

        Assert.Equal(("360702003000", false, "坐标 25.8312,114.9336"), (location.RegionCode, location.PlacedAtVillage, location.Described));
        Assert.Null(location.Error);
    }

    [Fact]
    public void An_address_alone_is_accepted_the_same_way()
    {
        var location = Open311Location.Read(null, "章贡区解放街道和平路12号", null, null, "360702");

        Assert.Equal(("360702000000", false, "章贡区解放街道和平路12号"), (location.RegionCode, location.PlacedAtVillage, location.Described));
    }

    [Theory]
    [InlineData(null, null, null, "address_id, lat/long or address_string")]
    [InlineData(null, "91", "114.9", "lat:")]
    [InlineData(null, "25.8", null, "long:")]
    [InlineData(null, "abc", "114.9", "lat:")]
    [InlineData("地址", "25.8", "181", "long:")]
    public void A_request_that_says_nowhere_or_gives_bad_coordinates_is_refused_naming_the_field(string? address, string? lat, string? lon, string field)
    {
        Assert.StartsWith(field, Open311Location.Read(null, address, lat, lon, "360702").Error);
    }
}
