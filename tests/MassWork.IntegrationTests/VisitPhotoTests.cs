using System.Security.Cryptography;

namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class VisitPhotoTests(PlatformFixture platform)
{
    private const string Visits = "/api/visits/visits";

    /// <summary>Where the test visits take place: 潭头村, 梓山镇.</summary>
    private static readonly (double Latitude, double Longitude) Place = (25.9512, 115.4127);

    private readonly PersonnelApi _api = new(platform);
    private readonly PhotoUploads _photos = new(platform);

    [Fact]
    public async Task Photos_are_uploaded_listed_with_their_flags_downloaded_and_kept_once_in_the_folder_store()
    {
        var (village, visit, visitedAt) = await VisitAsync();
        var town = Town(village);
        var atTheVisit = TestPhotos.Jpeg(visitedAt.ToOffset(TimeSpan.FromHours(8)).AddMinutes(20), (Place.Latitude + 0.001, Place.Longitude));
        var screenshot = TestPhotos.Png();

        using var response = await _photos.UploadAsync($"{Visits}/{visit}/photos", town, atTheVisit, screenshot);

        var upload = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, upload.ToString());
        Assert.Equal($"{Visits}/{visit}/photos", response.Headers.Location?.OriginalString);
        var (jpeg, png) = (upload.GetProperty("photos")[0], upload.GetProperty("photos")[1]);
        Assert.Equal(("image/jpeg", false, 0), (jpeg.GetProperty("contentType").GetString(), jpeg.GetProperty("flagged").GetBoolean(), jpeg.GetProperty("flags").GetArrayLength()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(atTheVisit)), jpeg.GetProperty("sha256").GetString());
        Assert.Equal((16, 16, "IMG_0000.JPG"), (jpeg.GetProperty("width").GetInt32(), jpeg.GetProperty("height").GetInt32(), jpeg.GetProperty("fileName").GetString()));
        Assert.EndsWith("+08:00", jpeg.GetProperty("capturedAt").GetString());
        Assert.Equal(visitedAt.AddMinutes(20).ToUnixTimeSeconds(), jpeg.GetProperty("capturedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(111.2, jpeg.GetProperty("distanceMetres").GetDouble(), 0.5);
        Assert.Equal(("image/png", true), (png.GetProperty("contentType").GetString(), png.GetProperty("flagged").GetBoolean()));
        Assert.Equal(["NoCaptureTime", "NoLocation"], png.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var list = await _api.OkAsync(HttpMethod.Get, $"{Visits}/{visit}/photos", town);
        Assert.Equal((2, 1), (list.GetProperty("total").GetInt32(), list.GetProperty("flagged").GetInt32()));
        // One upload's photos share their upload time; the list orders them by id.
        Assert.Equal(ById(upload.GetProperty("photos")), ById(list.GetProperty("photos")));
        Assert.Equal(atTheVisit, await _photos.DownloadAsync(jpeg.GetProperty("content").GetString()!, town, "image/jpeg"));
        Assert.Equal(screenshot, await _photos.DownloadAsync(png.GetProperty("content").GetString()!, platform.Token(village[..6], Roles.Leader, "county-leader"), "image/png"));
        Assert.True(_photos.Stored("visits", atTheVisit));
        // Figures count flagged photos with the stored column.
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_photos WHERE visit_id = @v AND flagged", ("v", visit)));

        // A phone retrying its upload stores nothing new.
        var again = await _photos.UploadedAsync($"{Visits}/{visit}/photos", town, HttpStatusCode.OK, atTheVisit);
        Assert.Equal(jpeg.GetProperty("id").GetGuid(), again.GetProperty("photos")[0].GetProperty("id").GetGuid());
        Assert.Equal(2, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_photos WHERE visit_id = @v", ("v", visit)));
    }

    [Fact]
    public async Task A_photo_taken_at_another_time_or_place_is_flagged_not_refused()
    {
        var (village, visit, visitedAt) = await VisitAsync();

        var upload = await _photos.UploadedAsync($"{Visits}/{visit}/photos", Town(village), HttpStatusCode.Created,
            TestPhotos.Jpeg(visitedAt.AddDays(-1), (Place.Latitude + 0.05, Place.Longitude)));

        var photo = upload.GetProperty("photos")[0];
        Assert.Equal(["TimeMismatch", "PlaceMismatch"], photo.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.True(photo.GetProperty("distanceMetres").GetDouble() > 5_000);
    }

    [Fact]
    public async Task A_photo_already_given_for_another_visit_is_flagged_as_reused_and_stored_once()
    {
        var (village, first, visitedAt) = await VisitAsync();
        var (_, second, _) = await VisitAsync();
        var photo = TestPhotos.Jpeg(visitedAt, Place);

        var original = await _photos.UploadedAsync($"{Visits}/{first}/photos", Town(village), HttpStatusCode.Created, photo);
        var reused = await _photos.UploadedAsync($"{Visits}/{second}/photos", platform.Token(PlatformFixture.Region, Roles.TownStaff, "another-clerk"), HttpStatusCode.Created, photo);

        Assert.Empty(original.GetProperty("photos")[0].GetProperty("flags").EnumerateArray());
        var flagged = reused.GetProperty("photos")[0];
        Assert.Equal(["Reused"], flagged.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(first, flagged.GetProperty("reusedFromVisitId").GetGuid());
        Assert.Equal(1, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_photos WHERE visit_id = @v AND 'Reused' = ANY(flags) AND flagged", ("v", second)));
        Assert.True(_photos.Stored("visits", photo));
    }

    [Fact]
    public async Task Too_large_not_a_photo_or_corrupt_is_refused_naming_the_part_and_nothing_is_stored()
    {
        var (village, visit, visitedAt) = await VisitAsync();
        var town = Town(village);
        var good = TestPhotos.Jpeg(visitedAt, Place);
        byte[] tooLarge = [.. TestPhotos.Jpeg(visitedAt, Place), .. new byte[PlatformFixture.PhotoMaxBytes]];
        var cases = new (byte[] Photo, HttpStatusCode Status)[]
        {
            (tooLarge, HttpStatusCode.RequestEntityTooLarge),
            (TestPhotos.Pdf(), HttpStatusCode.UnsupportedMediaType),
            (TestPhotos.CorruptJpeg(), HttpStatusCode.BadRequest),
            (good[..^10], HttpStatusCode.BadRequest),
            (TestPhotos.HeicHeader(), HttpStatusCode.BadRequest),
        };

        foreach (var (photo, status) in cases)
        {
            using var response = await _photos.UploadAsync($"{Visits}/{visit}/photos", town, good, photo);
            await PhotoUploads.ProblemAsync(response, status, "photos[1]");
        }

        // Past the upload's limit (256 KiB × 10 photos + 1 MiB) the gateway refuses before forwarding a byte.
        using (var huge = await _photos.UploadAsync($"{Visits}/{visit}/photos", town, good, new byte[4 * 1024 * 1024]))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }

        using (var json = await _api.SendAsync(HttpMethod.Post, $"{Visits}/{visit}/photos", town, JsonContent.Create(new { photos = "IMG_0001.JPG" })))
        {
            await PhotoUploads.ProblemAsync(json, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        }

        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_photos WHERE visit_id = @v", ("v", visit)));
        Assert.False(_photos.Stored("visits", good));
    }

    [Fact]
    public async Task Photos_of_a_visit_outside_the_callers_region_are_not_found_and_a_work_team_member_adds_only_to_their_own_visits()
    {
        var (village, visit, visitedAt) = await VisitAsync();
        var photo = TestPhotos.Jpeg(visitedAt, Place);
        var elsewhere = platform.Token(PlatformFixture.OtherRegion, Roles.TownStaff, "other-county-clerk");

        using (var upload = await _photos.UploadAsync($"{Visits}/{visit}/photos", elsewhere, photo))
        {
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }

        using (var teamMember = await _photos.UploadAsync($"{Visits}/{visit}/photos", platform.Token(village[..9], Roles.WorkTeam, "not-on-this-visit"), photo))
        {
            Assert.Equal(HttpStatusCode.Forbidden, teamMember.StatusCode);
            Assert.Contains("visitId", (await teamMember.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        using (var department = await _photos.UploadAsync($"{Visits}/{visit}/photos", platform.Token(PlatformFixture.Region, Roles.CountyDepartment, "county-department"), photo))
        {
            Assert.Equal(HttpStatusCode.Forbidden, department.StatusCode);
        }

        Assert.Equal(0, await platform.CountAsync("visitsdb", "SELECT count(*) FROM visit_photos WHERE visit_id = @v", ("v", visit)));
        Assert.False(_photos.Stored("visits", photo));

        var stored = await _photos.UploadedAsync($"{Visits}/{visit}/photos", Town(village), HttpStatusCode.Created, photo);
        var content = stored.GetProperty("photos")[0].GetProperty("content").GetString()!;
        using (var list = await _api.SendAsync(HttpMethod.Get, $"{Visits}/{visit}/photos", elsewhere))
        {
            Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        }

        using (var download = await _api.SendAsync(HttpMethod.Get, content, elsewhere))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        using (var otherPhoto = await _api.SendAsync(HttpMethod.Get, $"{Visits}/{visit}/photos/{Guid.NewGuid()}/content", Town(village)))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherPhoto.StatusCode);
        }
    }

    private static IEnumerable<string> ById(JsonElement photos) => photos.EnumerateArray().OrderBy(p => p.GetProperty("id").GetGuid()).Select(p => p.ToString());

    private string Town(string village) => platform.Token(village[..9], Roles.TownStaff, "photo-clerk");

    /// <summary>A home visit at <see cref="Place"/>, now (after the pairing began), to a household paired with its cadre.</summary>
    private async Task<(string Village, Guid Visit, DateTimeOffset VisitedAt)> VisitAsync()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "钟秀兰");
        var cadre = await _api.RegisterCadreAsync("叶志明");
        await _api.CreatedAsync("/api/personnel/pairings", _api.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });
        await Eventually.HoldsAsync(async () => await platform.CountAsync("visitsdb",
                "SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.household_id = @h", ("h", household)) == 1,
            TimeSpan.FromSeconds(30), "the visits read model: the pairing, household and cadre");
        var visitedAt = platform.Clock.GetUtcNow();
        var visit = await _api.CreatedAsync(Visits, Town(village), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt, mode = "Home", cadreIds = new[] { cadre }, householdIds = new[] { household },
            place = new { latitude = Place.Latitude, longitude = Place.Longitude, accuracyMetres = 15.0 },
        });
        return (village, visit.GetProperty("id").GetGuid(), visit.GetProperty("visitedAt").GetDateTimeOffset());
    }
}
