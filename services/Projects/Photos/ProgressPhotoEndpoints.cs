using MassWork.Blobs;
using MassWork.Blobs.Photos;

namespace MassWork.Projects.Photos;

/// <summary>Progress photos (现场照片) of a project's works, through the same blob store and checks as visits' photos.</summary>
public static class ProgressPhotoEndpoints
{
    public static IEndpointRouteBuilder MapProgressPhotoEndpoints(this IEndpointRouteBuilder routes)
    {
        var photos = routes.MapGroup("/api/projects/{id:guid}/photos").WithTags("Milestones and progress");
        photos.MapPost("/", UploadAsync).WithName("UploadProgressPhotos")
            // No Accepts metadata: routing would answer another content type with a bare 415; PhotoIntake names the header.
            .WithSummary("Photos of the works (multipart/form-data, parts named 'photos': JPEG, PNG or HEIC), of the project or of one milestone (?milestone=)");
        photos.MapGet("/", ListAsync).WithName("ListProgressPhotos").WithSummary("A project's progress photos, oldest first; ?milestone= for one milestone's");
        photos.MapGet("/{photoId:guid}/content", DownloadAsync).WithName("DownloadProgressPhoto").WithSummary("The photo's bytes as uploaded");
        return routes;
    }

    internal static async Task<Results<Created<ProgressPhotoList>, Ok<ProgressPhotoList>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, Caller caller, ProgressPhotoUploader uploader, CancellationToken cancellationToken, Guid? milestone = null)
    {
        var outcome = await uploader.UploadAsync(id, milestone, request, caller, cancellationToken);
        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        var list = new ProgressPhotoList(id, outcome.Photos.Count, [.. outcome.Photos.Select(ProgressPhotoView.Of)]);
        return outcome.AnyNew ? TypedResults.Created($"/api/projects/{id}/photos", list) : TypedResults.Ok(list);
    }

    internal static async Task<Results<Ok<ProgressPhotoList>, ProblemHttpResult>> ListAsync(
        Guid id, Caller caller, ProjectsDbContext db, CancellationToken cancellationToken, Guid? milestone = null)
    {
        if (!await InRegion(db, id, caller).AnyAsync(cancellationToken))
        {
            return Problems.NotFound($"Project {id}");
        }

        var photos = await db.ProgressPhotos.AsNoTracking().Where(p => p.ProjectId == id && (milestone == null || p.MilestoneId == milestone))
            .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProgressPhotoList(id, photos.Count, [.. photos.Select(ProgressPhotoView.Of)]));
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid photoId, Caller caller, ProjectsDbContext db, IBlobStore blobs, HttpResponse response, CancellationToken cancellationToken)
    {
        var photo = await db.ProgressPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.ProjectId == id && InRegion(db, id, caller).Any())
            .SingleOrDefaultAsync(cancellationToken);
        return photo is null
            ? Problems.NotFound($"Photo {photoId} of project {id}")
            : await PhotoDownload.ResultAsync(blobs, response, photo.Id, photo.Sha256, photo.Format, cancellationToken);
    }

    private static IQueryable<Guid> InRegion(ProjectsDbContext db, Guid id, Caller caller) =>
        db.Projects.Where(p => p.Id == id && p.RegionCode.StartsWith(caller.RegionPrefix)).Select(p => p.Id);
}
