using MassWork.Blobs.Photos;
using MassWork.Testing;

namespace MassWork.UnitTests.Photos;

public sealed class PhotoMetadataTests
{
    private static readonly DateTimeOffset TakenAt = new(2026, 6, 10, 9, 30, 0, TimeSpan.FromHours(8));

    private static PhotoFacts Read(byte[] bytes) => PhotoMetadata.Read(new MemoryStream(bytes), PhotoSniffer.Sniff(bytes)!.Value);

    [Fact]
    public void Exif_gives_the_capture_time_in_utc_and_the_gps_position()
    {
        var facts = Read(TestPhotos.Jpeg(TakenAt, (25.9512, 115.4127)));

        Assert.Equal((16, 16), (facts.Width, facts.Height));
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 1, 30, 0, TimeSpan.Zero), facts.CapturedAt);
        Assert.Equal(TimeSpan.Zero, facts.CapturedAt!.Value.Offset);
        Assert.Equal(25.9512, facts.Location!.Value.Latitude, 1e-6);
        Assert.Equal(115.4127, facts.Location!.Value.Longitude, 1e-6);
    }

    [Fact]
    public void A_capture_time_without_its_offset_is_read_as_shanghai_time_and_one_with_an_offset_at_it()
    {
        Assert.Equal(TakenAt, Read(TestPhotos.Jpeg(TakenAt, withOffset: false)).CapturedAt);
        var inNewYork = new DateTimeOffset(2026, 6, 9, 21, 30, 0, TimeSpan.FromHours(-4));
        Assert.Equal(TakenAt, Read(TestPhotos.Jpeg(inNewYork)).CapturedAt);
    }

    [Fact]
    public void A_capture_time_no_instant_can_hold_is_unknown_and_the_photo_is_still_read()
    {
        // Without an offset the time is read as Shanghai's: midnight of year 1 there falls before the first instant.
        var facts = Read(TestPhotos.Jpeg(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), withOffset: false));

        Assert.Equal((16, 16, null), (facts.Width, facts.Height, facts.CapturedAt));
    }

    [Fact]
    public void Southern_and_western_positions_keep_their_sign()
    {
        var location = Read(TestPhotos.Jpeg(at: (-33.8568, -70.6483))).Location!.Value;

        Assert.Equal((-33.8568, -70.6483), (Math.Round(location.Latitude, 4), Math.Round(location.Longitude, 4)));
    }

    [Fact]
    public void A_photo_without_exif_has_its_size_and_nothing_else()
    {
        foreach (var bytes in new[] { TestPhotos.Jpeg(), TestPhotos.Png() })
        {
            Assert.Equal(new PhotoFacts(16, 16, null, null), Read(bytes));
        }
    }

    [Fact]
    public void A_heic_photo_gives_its_size_time_and_position()
    {
        var facts = Read(File.ReadAllBytes(Path.Combine("Photos", "Fixtures", "exif.heic")));

        Assert.Equal((16, 16, TakenAt), (facts.Width, facts.Height, facts.CapturedAt));
        Assert.Equal(25.9512, facts.Location!.Value.Latitude, 1e-6);
    }

    [Fact]
    public void A_jpeg_with_a_video_after_its_image_is_whole()
    {
        // Motion photos (动态照片) append their video after the JPEG's end-of-image marker.
        Read([.. TestPhotos.Jpeg(TakenAt), 0, 0, 0, 0x18, .. "ftypmp42 and then a video"u8]);
    }

    public static TheoryData<string, byte[]> Corrupt()
    {
        var jpeg = TestPhotos.Jpeg(TakenAt, (25.9512, 115.4127));
        var png = TestPhotos.Png();
        var heic = File.ReadAllBytes(Path.Combine("Photos", "Fixtures", "exif.heic"));
        return new TheoryData<string, byte[]>
        {
            { "jpeg start, then no segment", TestPhotos.CorruptJpeg() },
            { "jpeg cut in its headers", jpeg[..300] },
            { "jpeg cut in its image data", jpeg[..^10] },
            { "jpeg segment of length 0", [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x00, 0xFF, 0xD9] },
            { "png cut short", png[..60] },
            { "png chunk lengths past the end", [.. png[..8], 0x7F, 0xFF, 0xFF, 0xFF, .. png[12..]] },
            { "heic header alone", TestPhotos.HeicHeader() },
            { "heic cut short", heic[..^20] },
        };
    }

    [Theory]
    [MemberData(nameof(Corrupt))]
    public void A_file_that_does_not_hold_together_is_corrupt(string what, byte[] bytes)
    {
        var e = Assert.Throws<CorruptPhotoException>(() => Read(bytes));
        Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
    }

    [Fact]
    public void Distances_are_great_circle_metres()
    {
        var place = new GeoPoint(25.9512, 115.4127);

        Assert.Equal(0, place.MetresTo(place), 1e-6);
        // A thousandth of a degree of latitude is 111 m anywhere.
        Assert.Equal(111.2, place.MetresTo(new GeoPoint(25.9522, 115.4127)), 0.1);
        // Of longitude, shorter by the cosine of the latitude.
        Assert.Equal(100.0, place.MetresTo(new GeoPoint(25.9512, 115.4137)), 0.1);
    }
}
