using MassWork.Blobs;
using MassWork.Blobs.Photos;
using MassWork.Visits.Records;

namespace MassWork.Visits.Photos;

public static class VisitPhotoEndpoints
{
    public static IEndpointRouteBuilder MapVisitPhotoEndpoints(this IEndpointRouteBuilder routes)
    {
        var photos = routes.MapGroup("/api/visits/visits/{id:guid}/photos").WithTags("Photos");
        photos.MapPost("/", UploadAsync).WithName("UploadVisitPhotos")
            // No Accepts metadata: routing would answer another content type with a bare 415; PhotoIntake names the header.
            .WithSummary("Photos as proof of a visit (multipart/form-data, parts named 'photos': JPEG, PNG or HEIC); each compared with the visit and flagged, never refused, when it does not match")
            .RequireAuthorization(Permissions.RecordVisits);
        photos.MapGet("/", ListAsync).WithName("ListVisitPhotos").WithSummary("A visit's photos with what their EXIF says and their flags");
        photos.MapGet("/{photoId:guid}/content", DownloadAsync).WithName("DownloadVisitPhoto").WithSummary("The photo's bytes as uploaded");
        return routes;
    }

    internal static async Task<Results<Created<VisitPhotoUpload>, Ok<VisitPhotoUpload>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, Caller caller, VisitPhotoUploader uploader, CancellationToken cancellationToken)
    {
        var outcome = await uploader.UploadAsync(id, request, caller, cancellationToken);
        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        var upload = new VisitPhotoUpload([.. outcome.Photos.Select(VisitPhotoView.Of)]);
        return outcome.AnyNew ? TypedResults.Created($"/api/visits/visits/{id}/photos", upload) : TypedResults.Ok(upload);
    }

    internal static async Task<Results<Ok<VisitPhotoList>, ProblemHttpResult>> ListAsync(Guid id, Caller caller, VisitPhotoReader reader, CancellationToken cancellationToken) =>
        await reader.ListAsync(id, caller.RegionPrefix, cancellationToken) is { } list ? TypedResults.Ok(list) : Problems.NotFound($"Visit {id}");

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid photoId, Caller caller, VisitPhotoReader reader, IBlobStore blobs, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(id, photoId, caller.RegionPrefix, cancellationToken) is not { } photo)
        {
            return Problems.NotFound($"Photo {photoId} of visit {id}");
        }

        return await PhotoDownload.ResultAsync(blobs, response, photo.Id, photo.Sha256, photo.Format, cancellationToken);
    }
}
