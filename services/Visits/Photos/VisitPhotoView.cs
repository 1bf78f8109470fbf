using MassWork.Blobs.Photos;

namespace MassWork.Visits.Photos;

/// <summary>A photo of a visit as staff read it; times in Asia/Shanghai (+08:00); <c>content</c> downloads the bytes.</summary>
public sealed record VisitPhotoView(
    Guid Id,
    Guid VisitId,
    string Sha256,
    string ContentType,
    long Bytes,
    string? FileName,
    int Width,
    int Height,
    DateTimeOffset? CapturedAt,
    double? Latitude,
    double? Longitude,
    double? DistanceMetres,
    bool Flagged,
    IReadOnlyList<string> Flags,
    Guid? ReusedFromVisitId,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string Content)
{
    public static VisitPhotoView Of(VisitPhoto p) => new(
        p.Id, p.VisitId, p.Sha256, PhotoFormats.ContentType(p.Format), p.Bytes, p.FileName, p.Width, p.Height, ChinaTime.Local(p.CapturedAt),
        p.Latitude, p.Longitude, p.DistanceMetres, p.Flags.Length > 0, p.Flags, p.ReusedFromVisitId, p.UploadedBy, ChinaTime.Local(p.UploadedAt),
        $"/api/visits/visits/{p.VisitId}/photos/{p.Id}/content");
}

/// <summary>The photos of one upload, in the order sent (a photo sent twice appears once).</summary>
public sealed record VisitPhotoUpload(IReadOnlyList<VisitPhotoView> Photos);

/// <summary>A visit's photos, oldest first, with how many are flagged.</summary>
public sealed record VisitPhotoList(Guid VisitId, int Total, int Flagged, IReadOnlyList<VisitPhotoView> Photos);
