namespace MassWork.Blobs.Photos;

/// <summary>
/// What every kept photo records, whatever it proves (a visit, a project's works): its bytes in the
/// blob store under <see cref="Sha256"/>, its format and size, and when and where its EXIF says it
/// was taken. Kept as taken; never changed or removed.
/// </summary>
public abstract class StoredPhoto
{
    protected StoredPhoto()
    {
    }

    protected StoredPhoto(StagedPhoto photo, string uploadedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Sha256 = photo.Sha256;
        Format = photo.Format;
        Bytes = photo.Bytes;
        FileName = photo.FileName;
        Width = photo.Facts.Width;
        Height = photo.Facts.Height;
        CapturedAt = photo.Facts.CapturedAt;
        Latitude = photo.Facts.Location?.Latitude;
        Longitude = photo.Facts.Location?.Longitude;
        UploadedBy = uploadedBy;
        // UTC at timestamptz's precision: the photo as answered reads the same as the photo as stored.
        var utc = now.ToUniversalTime();
        UploadedAt = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public Guid Id { get; private set; }

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

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}
