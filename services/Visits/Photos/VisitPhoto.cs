using MassWork.Blobs.Photos;
using MassWork.Visits.Records;

namespace MassWork.Visits.Photos;

/// <summary>
/// A photo given as proof of a visit: its bytes in the blob store under <see cref="Sha256"/>, what
/// its EXIF says, and how it compares with the visit (<see cref="Flags"/>). Kept as taken; never
/// changed or removed.
/// </summary>
public sealed class VisitPhoto
{
    private VisitPhoto()
    {
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    /// <summary>The content's SHA-256 (hex): its key in the blob store, and what tells a photo used twice.</summary>
    public string Sha256 { get; private set; } = "";

    public PhotoFormat Format { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The name the phone gave the file, as sent.</summary>
    public string? FileName { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>EXIF DateTimeOriginal, in UTC.</summary>
    public DateTimeOffset? CapturedAt { get; private set; }

    /// <summary>EXIF GPS position, WGS-84 degrees.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>Metres from the visit's place, when both are known.</summary>
    public double? DistanceMetres { get; private set; }

    /// <summary>The <see cref="PhotoFlag"/> names that apply, in their order.</summary>
    public string[] Flags { get; private set; } = [];

    /// <summary>Kept by the database as <c>cardinality(flags) &gt; 0</c>, indexed: figures count flagged photos by it.</summary>
    public bool Flagged { get; private set; }

    /// <summary>For a reused photo: the visit it was first given for.</summary>
    public Guid? ReusedFromVisitId { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <param name="firstVisitId">The other visit the same bytes were given for first, if any.</param>
    public static VisitPhoto Take(StagedPhoto photo, Visit visit, Guid? firstVisitId, VisitPhotoOptions tolerances, string uploadedBy, DateTimeOffset now)
    {
        var flags = PhotoChecks.Flags(photo.Facts, visit.VisitedAt, visit.Place, tolerances, reused: firstVisitId is not null);
        return new VisitPhoto
        {
            Id = Guid.CreateVersion7(now),
            VisitId = visit.Id,
            Sha256 = photo.Sha256,
            Format = photo.Format,
            Bytes = photo.Bytes,
            FileName = photo.FileName,
            Width = photo.Facts.Width,
            Height = photo.Facts.Height,
            CapturedAt = photo.Facts.CapturedAt,
            Latitude = photo.Facts.Location?.Latitude,
            Longitude = photo.Facts.Location?.Longitude,
            DistanceMetres = PhotoChecks.Distance(photo.Facts, visit.Place) is { } metres ? Math.Round(metres, 1) : null,
            Flags = [.. flags.Select(f => f.ToString())],
            Flagged = flags.Count > 0,
            ReusedFromVisitId = firstVisitId,
            UploadedBy = uploadedBy,
            UploadedAt = Visit.ToMicroseconds(now),
        };
    }
}
