using MassWork.Blobs.Photos;
using MassWork.Visits.Photos;
using MassWork.Visits.Records;

namespace MassWork.UnitTests.Visits;

public sealed class PhotoChecksTests
{
    private static readonly DateTimeOffset VisitedAt = new(2026, 6, 10, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly VisitPlace Place = new(25.9512, 115.4127, AccuracyMetres: 20);

    private static readonly VisitPhotoOptions Tolerances = new() { TimeTolerance = TimeSpan.FromHours(3), DistanceMetres = 500 };

    /// <summary>About 111.2 m north of <see cref="Place"/> for each thousandth of a degree.</summary>
    private static PhotoFacts Taken(DateTimeOffset? at, double? northThousandths = 0) =>
        new(4032, 3024, at, northThousandths is { } n ? new GeoPoint(Place.Latitude + n / 1000, Place.Longitude) : null);

    private static List<PhotoFlag> Flags(PhotoFacts facts, VisitPlace? place = null, bool reused = false) =>
        PhotoChecks.Flags(facts, VisitedAt, place ?? Place, Tolerances, reused);

    [Fact]
    public void A_photo_taken_at_the_visit_is_not_flagged()
    {
        Assert.Empty(Flags(Taken(VisitedAt.AddMinutes(25), northThousandths: 1)));
    }

    [Theory]
    [InlineData(-180, false)]
    [InlineData(180, false)]
    [InlineData(181, true)]
    [InlineData(-181, true)]
    [InlineData(60 * 24 * 30, true)]
    public void A_photo_taken_beyond_the_time_tolerance_either_side_is_a_time_mismatch(int minutes, bool flagged)
    {
        Assert.Equal(flagged, Flags(Taken(VisitedAt.AddMinutes(minutes))).Contains(PhotoFlag.TimeMismatch));
    }

    [Theory]
    // 500 m tolerance plus the place's 20 m accuracy: 520 m.
    [InlineData(4.6, false)] // 511 m
    [InlineData(4.7, true)] // 523 m
    [InlineData(-9.0, true)]
    public void A_photo_taken_beyond_the_distance_tolerance_and_the_places_accuracy_is_a_place_mismatch(double northThousandths, bool flagged)
    {
        Assert.Equal(flagged, Flags(Taken(VisitedAt, northThousandths)).Contains(PhotoFlag.PlaceMismatch));
    }

    [Fact]
    public void A_less_accurate_place_allows_a_photo_further_away()
    {
        Assert.Empty(Flags(Taken(VisitedAt, 4.7), Place with { AccuracyMetres = 50 }));
    }

    [Fact]
    public void A_photo_without_exif_is_flagged_for_what_is_missing()
    {
        Assert.Equal([PhotoFlag.NoCaptureTime, PhotoFlag.NoLocation], Flags(Taken(null, northThousandths: null)));
    }

    [Fact]
    public void Without_a_place_on_the_visit_no_position_is_compared_or_missed()
    {
        Assert.Empty(PhotoChecks.Flags(Taken(VisitedAt, northThousandths: null), VisitedAt, null, Tolerances, reused: false));
        Assert.Empty(PhotoChecks.Flags(Taken(VisitedAt, northThousandths: 90), VisitedAt, null, Tolerances, reused: false));
        Assert.Null(PhotoChecks.Distance(Taken(VisitedAt, 90), null));
    }

    [Fact]
    public void A_reused_photo_is_flagged_even_when_it_matches_the_visit()
    {
        Assert.Equal([PhotoFlag.Reused], Flags(Taken(VisitedAt), reused: true));
    }
}
