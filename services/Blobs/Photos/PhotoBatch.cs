namespace MassWork.Blobs.Photos;

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
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.upload");
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
