namespace MassWork.Blobs.Photos;

/// <summary>
/// A photo of an upload, checked and waiting in a local file until the service stores it: its
/// position in the request, the name the client gave it, content hash, size, format and facts.
/// </summary>
public sealed record StagedPhoto(int Index, string? FileName, string Sha256, long Bytes, PhotoFormat Format, PhotoFacts Facts, string Path)
{
    public string ContentType => PhotoFormats.ContentType(Format);

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
}
