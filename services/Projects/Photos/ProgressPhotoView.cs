using MassWork.Blobs.Photos;

namespace MassWork.Projects.Photos;

/// <summary>A progress photo; times in Asia/Shanghai (+08:00); <c>content</c> downloads the bytes.</summary>
public sealed record ProgressPhotoView(
    Guid Id,
    Guid ProjectId,
    Guid? MilestoneId,
    string Sha256,
    string ContentType,
    long Bytes,
    string? FileName,
    int Width,
    int Height,
    DateTimeOffset? CapturedAt,
    double? Latitude,
    double? Longitude,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string Content)
{
    public static ProgressPhotoView Of(ProgressPhoto p) => new(
        p.Id, p.ProjectId, p.MilestoneId, p.Sha256, PhotoFormats.ContentType(p.Format), p.Bytes, p.FileName, p.Width, p.Height,
        ChinaTime.Local(p.CapturedAt), p.Latitude, p.Longitude, p.UploadedBy, ChinaTime.Local(p.UploadedAt),
        $"/api/projects/{p.ProjectId}/photos/{p.Id}/content");
}

public sealed record ProgressPhotoList(Guid ProjectId, int Total, IReadOnlyList<ProgressPhotoView> Photos);
