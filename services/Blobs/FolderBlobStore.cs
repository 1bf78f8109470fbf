using System.Security.Cryptography;

namespace MassWork.Blobs;

/// <summary>
/// Blobs as files under one folder, fanned out by the hash's first two digits so no directory grows
/// huge. A file is written aside, its hash checked, then renamed into place: a reader never sees half
/// a file, and two writers of the same bytes race harmlessly.
/// </summary>
public sealed class FolderBlobStore(string root) : IBlobStore
{
    private const int BufferBytes = 1 << 16;

    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string sha256, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        var partial = Path.Combine(Path.GetDirectoryName(path)!, $".{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
            {
                var buffer = new byte[BufferBytes];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                // Proof must survive a power cut once the upload was answered.
                file.Flush(flushToDisk: true);
            }

            if (ContentHash.Of(sha) != sha256)
            {
                throw new ArgumentException("The content does not have the hash it is stored under.", nameof(content));
            }

            try
            {
                File.Move(partial, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another upload of the same bytes got there first.
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BlobStoreUnavailableException($"The photo folder {Root} cannot be written: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BlobStoreUnavailableException($"The photo folder {Root} cannot be read: {e.Message}", e);
        }
    }

    public string PathOf(string sha256) => Path.Combine(Root, ContentHash.Require(sha256)[..2], sha256);
}
