using MassWork.Blobs.Photos;
using MassWork.Projects.Projects;

namespace MassWork.Projects.Photos;

/// <summary>
/// A photo of the works (现场照片) on a project, optionally of one milestone: its bytes in the blob
/// store under <see cref="Sha256"/>, and when and where its EXIF says it was taken. Kept as taken.
/// </summary>
public sealed class ProgressPhoto
{
    private ProgressPhoto()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid? MilestoneId { get; private set; }

    public string Sha256 { get; private set; } = "";

    public PhotoFormat Format { get; private set; }

    public long Bytes { get; private set; }

    public string? FileName { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>EXIF DateTimeOriginal, in UTC.</summary>
    public DateTimeOffset? CapturedAt { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Photos show the site from approval (现场原貌) through the works to acceptance (验收).</summary>
    public static bool Open(ProjectStage stage) => stage is ProjectStage.Approved or ProjectStage.UnderWay or ProjectStage.Accepted;

    public static ProgressPhoto Take(StagedPhoto photo, Guid projectId, Guid? milestoneId, string uploadedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ProjectId = projectId,
        MilestoneId = milestoneId,
        Sha256 = photo.Sha256,
        Format = photo.Format,
        Bytes = photo.Bytes,
        FileName = photo.FileName,
        Width = photo.Facts.Width,
        Height = photo.Facts.Height,
        CapturedAt = photo.Facts.CapturedAt,
        Latitude = photo.Facts.Location?.Latitude,
        Longitude = photo.Facts.Location?.Longitude,
        UploadedBy = uploadedBy,
        // timestamptz keeps microseconds: the photo as answered reads the same as the photo as stored.
        UploadedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)),
    };
}
