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

    /// <summary>
    /// Puts each distinct photo in the store and answers them sorted by hash. The files go to the
    /// store before any record is written, so a record always has its file; sorted, so two uploads
    /// of the same photos take their per-photo locks in the same order.
    /// </summary>
    public async Task<List<StagedPhoto>> StoreAsync(IBlobStore blobs, CancellationToken cancellationToken)
    {
        var distinct = Photos.DistinctBy(p => p.Sha256).OrderBy(p => p.Sha256, StringComparer.Ordinal).ToList();
        foreach (var photo in distinct)
        {
            await using var content = photo.OpenRead();
            await blobs.PutAsync(photo.Sha256, content, photo.ContentType, cancellationToken);
        }

        return distinct;
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
