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

/// <summary>The photos of one upload, or why it was refused; disposing it deletes the local files.</summary>
public sealed class PhotoBatch : IDisposable
{
    private readonly List<string> _files = [];

    public List<StagedPhoto> Photos { get; } = [];

    public PhotoRefusal? Refusal { get; private set; }

    /// <summary>The first refusal stands: it names the first part at fault.</summary>
    internal void Refuse(PhotoRefusal refusal) => Refusal ??= refusal;

    internal string NewFile(string folder)
    {
        var path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.upload");
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
