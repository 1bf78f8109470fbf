using System.ComponentModel.DataAnnotations;

namespace MassWork.Blobs.Photos;

/// <summary>What one upload may carry (section <c>Photos</c>), the same for visit and project photos.</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Room for the multipart envelope around the photos: boundaries and part headers.</summary>
    public const long EnvelopeBytes = 1024 * 1024;

    /// <summary>Bytes one photo may have: a phone's JPEG is 2–12 MB, its HEIC less.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Photos one request may carry.</summary>
    [Range(1, 50)]
    public int MaxPerUpload { get; set; } = 10;

    /// <summary>The body limit of an upload; the AppHost gives the gateway's photo routes the same.</summary>
    public long MaxRequestBytes => MaxBytes * MaxPerUpload + EnvelopeBytes;
}
