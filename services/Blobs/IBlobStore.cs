namespace MassWork.Blobs;

/// <summary>
/// Where uploaded files live: a folder on one machine, S3-compatible object storage in a cluster.
/// Content-addressed: an object's key is the SHA-256 of its bytes, so the same file is stored once
/// however often it is sent, and a stored object never changes. Nothing is ever deleted here:
/// the files are proof (留痕).
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes under their hash, unless already there.</summary>
    /// <param name="sha256">The SHA-256 of <paramref name="content"/>, 64 lower-case hex digits.</param>
    /// <param name="content">Read from its current position to the end; seekable when the store may need to read it twice.</param>
    Task PutAsync(string sha256, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when nothing is stored under the hash.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);
}
