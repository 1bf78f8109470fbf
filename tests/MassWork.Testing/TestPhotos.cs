using MassWork.Blobs.Photos;

namespace MassWork.Testing;

/// <summary>
/// Small photos made in code: a JPEG with whatever EXIF a test needs (<see cref="SamplePhotos"/>),
/// a PNG, the bare header of a HEIC file, and broken files.
/// </summary>
public static class TestPhotos
{
    /// <summary>A 16×16 RGB PNG, without EXIF.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAABlklEQVR42hXRURVEIQhFUSMYgQhGMAIRiGCEE8EIRiACEYhABCLMG7/ZrMt1jMEcyGAN9kAHNjgDBnfwBj6IQQ5q0IMxJnMikzXZE53Y5EyY3Mmb+CQmOalJzw8IUxBhCVtQwYQjIFzhCS6EkEIJLR9YzIUs1mIvdGGLs2BxF2/hi1jkoha9PrCZG9mszd7oxjZnw+Zu3sY3sclNbXp/QJmKKEvZiiqmHAXlKk9xJZRUSmn9gDENMZaxDTXMOAbGNZ7hRhhplNH2gcM8yGEd9kEPdjgHDvfwDn6IQx7q0OcD/wK/Sr4jv9hfkG/1N/x/Fx44BCQU9Pc94zIvclmXfdGLXc79j9/Lu/glLnmpS98PPOZDHuuxH/qwx3n/5ffxHv6IRz7q0e8DznTEWc521DHn+D/KdZ7jTjjplNP+gWAGEqxgBxpYcOIf/AYv8CCCDCro+EAyE0lWshNNLDn5P/MmL/Ekkkwq6fxAMQspVrELLaw49S/lFq/wIoosquj6QDMbaVazG22sOf2v8Dav8SaabKrp5geIAnAQC3NfwAAAAABJRU5ErkJggg==");

    /// <summary>The ftyp box an iPhone's HEIC starts with (major brand heic; mif1, heic, miaf), and nothing after it.</summary>
    public static byte[] HeicHeader() => Convert.FromHexString("0000001C667479706865696300000000" + "6D69663168656963" + "6D696166");

    /// <summary>A JPEG's start of image, then bytes that are no JPEG segment.</summary>
    public static byte[] CorruptJpeg() => [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x02, .. "this is where the segments should be"u8];

    /// <summary>A PDF: a document, not a photo, whatever its name says.</summary>
    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <inheritdoc cref="SamplePhotos.Jpeg"/>
    public static byte[] Jpeg(DateTimeOffset? takenAt = null, (double Latitude, double Longitude)? at = null, bool withOffset = true, string? comment = null) =>
        SamplePhotos.Jpeg(takenAt, at, withOffset, comment);
}
