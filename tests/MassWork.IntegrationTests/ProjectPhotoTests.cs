namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class ProjectPhotoTests(PlatformFixture platform)
{
    private readonly ProjectsApi _api = new(platform);
    private readonly PhotoUploads _photos = new(platform);

    [Fact]
    public async Task Progress_photos_of_a_milestone_go_through_the_same_store_and_checks_as_visits_photos()
    {
        var (id, village) = await _api.UnderWayAsync(3_000_000);
        var town = _api.Town(village);
        var project = await _api.Http.OkAsync(HttpMethod.Post, $"/api/projects/{id}/milestones", town,
            new { name = "路面硬化", weight = 1, dueDate = ChinaTime.Today(platform.Clock).AddDays(60).ToString("yyyy-MM-dd") });
        var milestone = project.GetProperty("milestones")[0].GetProperty("id").GetGuid();
        var photo = TestPhotos.Jpeg(platform.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), (25.95, 115.41));

        var upload = await _photos.UploadedAsync($"/api/projects/{id}/photos?milestone={milestone}", town, HttpStatusCode.Created, photo);

        var taken = upload.GetProperty("photos")[0];
        Assert.Equal((milestone, "image/jpeg", "town-clerk"), (taken.GetProperty("milestoneId").GetGuid(), taken.GetProperty("contentType").GetString(), taken.GetProperty("uploadedBy").GetString()));
        Assert.Equal(25.95, taken.GetProperty("latitude").GetDouble(), 1e-6);
        Assert.EndsWith("+08:00", taken.GetProperty("capturedAt").GetString());
        var list = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/{id}/photos?milestone={milestone}", _api.County());
        Assert.Equal(taken.GetProperty("id").GetGuid(), list.GetProperty("photos")[0].GetProperty("id").GetGuid());
        Assert.Equal(photo, await _photos.DownloadAsync(taken.GetProperty("content").GetString()!, town, "image/jpeg"));
        Assert.True(_photos.Stored("projects", photo));

        var pdf = TestPhotos.Pdf();
        using (var notAPhoto = await _photos.UploadAsync($"/api/projects/{id}/photos", town, pdf))
        {
            await PhotoUploads.ProblemAsync(notAPhoto, HttpStatusCode.UnsupportedMediaType, "photos[0]");
        }

        var another = TestPhotos.Jpeg();
        var refusals = new (string Path, string Token, HttpStatusCode Status)[]
        {
            ($"/api/projects/{id}/photos", platform.Token(PlatformFixture.OtherRegion, Roles.TownStaff, "other-county-clerk"), HttpStatusCode.NotFound),
            ($"/api/projects/{id}/photos", _api.Town(village, Roles.VillageStaff, "village-clerk"), HttpStatusCode.Forbidden),
            ($"/api/projects/{id}/photos?milestone={Guid.NewGuid()}", town, HttpStatusCode.NotFound),
            ($"/api/projects/{(await _api.ProposeAsync(village, 100_000)).GetProperty("id").GetGuid()}/photos", town, HttpStatusCode.Conflict),
        };
        foreach (var (path, token, status) in refusals)
        {
            using var refused = await _photos.UploadAsync(path, token, another);
            Assert.True(refused.StatusCode == status, $"{path}: expected {(int)status}, got {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(1, await platform.CountAsync("projectsdb", "SELECT count(*) FROM progress_photos WHERE project_id = @p", ("p", id)));
        Assert.False(_photos.Stored("projects", pdf));
        Assert.False(_photos.Stored("projects", another));
    }
}
