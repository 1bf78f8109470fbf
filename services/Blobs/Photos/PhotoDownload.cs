using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace MassWork.Blobs.Photos;

/// <summary>A stored photo as a download: streamed from the store, never trusted to be rendered as anything but its format.</summary>
public static class PhotoDownload
{
    public static async Task<FileStreamHttpResult> ResultAsync(IBlobStore store, HttpResponse response, Guid photoId, string sha256, PhotoFormat format, CancellationToken cancellationToken)
    {
        var content = await store.OpenReadAsync(sha256, cancellationToken)
            ?? throw new BlobStoreUnavailableException($"Photo {photoId} ({sha256}) is recorded but missing from the store.", new FileNotFoundException(sha256));
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentDisposition] = $"inline; filename=\"{photoId}{PhotoFormats.Extension(format)}\"";
        // Content-addressed: the bytes behind this hash never change.
        response.Headers[HeaderNames.CacheControl] = "private, max-age=31536000, immutable";
        return TypedResults.Stream(content, PhotoFormats.ContentType(format), entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }
}
