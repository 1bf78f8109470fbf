using System.Security.Cryptography;
using MassWork.ServiceDefaults.Errors;
using MassWork.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MassWork.Blobs.Photos;

/// <summary>
/// Takes the photos of a multipart/form-data upload (parts named <c>photos</c>): each is streamed
/// to a local file while its SHA-256 is computed, never held in memory; then, in order, each is
/// checked — size (413), format by its first bytes (415), structure and EXIF (400 when corrupt).
/// The whole body is read before answering, even past a photo too large, so the gateway forwards
/// the refusal instead of breaking the upload off.
/// </summary>
public sealed class PhotoIntake(IOptions<PhotoOptions> options)
{
    public const string FieldName = "photos";

    public const int MaxFileName = 255;

    private const int BufferBytes = 1 << 16;

    private static readonly string SpoolFolder = Path.Combine(Path.GetTempPath(), "masswork-photo-uploads");

    /// <summary>
    /// Raises the request's body limit to an upload's. Call it before any early answer (not found,
    /// forbidden): the server then drains the unread upload instead of cutting the connection, and
    /// the gateway forwards the answer.
    /// </summary>
    public void Expect(HttpRequest request) => request.HttpContext.LimitRequestBody(options.Value.MaxRequestBytes);

    /// <summary>The caller disposes the batch, which deletes its local files.</summary>
    public async Task<PhotoBatch> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        Expect(request);
        var batch = new PhotoBatch();
        if (Boundary(request.ContentType) is not { } boundary)
        {
            batch.Refuse(new PhotoRefusal(StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                $"Send the photos as multipart/form-data, each file in a part named '{FieldName}'."));
            return batch;
        }

        Directory.CreateDirectory(SpoolFolder);
        var parts = new List<Part>();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                // A part not taken is skipped: the reader drains it on the way to the next.
                var disposition = section.GetContentDispositionHeader();
                var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).ToString();
                if (disposition?.IsFileDisposition() != true || name != FieldName)
                {
                    batch.Refuse(PhotoRefusal.Invalid(name.Length > 0 ? name : "body", $"Only photo files are taken, each in a part named '{FieldName}' with a filename."));
                }
                else if (parts.Count == limits.MaxPerUpload)
                {
                    batch.Refuse(PhotoRefusal.Invalid(FieldName, $"At most {limits.MaxPerUpload} photos an upload."));
                }
                else
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                    parts.Add(await SpoolAsync(section.Body, batch.NewFile(SpoolFolder), fileName, limits.MaxBytes, cancellationToken));
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            batch.Refuse(PhotoRefusal.Invalid("body", $"Not a readable multipart/form-data body: {e.Message}"));
            return batch;
        }

        if (parts.Count == 0)
        {
            batch.Refuse(PhotoRefusal.Invalid(FieldName, $"Required: one or more photo files (JPEG, PNG or HEIC), each in a part named '{FieldName}'."));
        }

        for (var i = 0; i < parts.Count && batch.Refusal is null; i++)
        {
            var (photo, refusal) = Check(parts[i], i, limits.MaxBytes);
            if (refusal is not null)
            {
                batch.Refuse(refusal);
            }
            else
            {
                batch.Photos.Add(photo!);
            }
        }

        return batch;
    }

    private static string? Boundary(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary).ToString() is { Length: > 0 and <= 70 } boundary
            ? boundary
            : null;

    /// <summary>Copies a part to its file, hashing as it goes; past the limit it only reads on (the file is refused anyway).</summary>
    private static async Task<Part> SpoolAsync(Stream body, string path, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[PhotoSniffer.HeadBytes];
        var (length, headLength) = (0L, 0);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
        {
            var buffer = new byte[BufferBytes];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    continue;
                }

                var toHead = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(0, toHead).CopyTo(head.AsSpan(headLength));
                headLength += toHead;
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return new Part(path, fileName, length, head[..headLength], ContentHash.Of(sha));
    }

    /// <summary>The part as a photo, or why not, checked in this order.</summary>
    private static (StagedPhoto? Photo, PhotoRefusal? Refusal) Check(Part part, int index, long maxBytes)
    {
        var field = $"{FieldName}[{index}]";
        if (part.Length > maxBytes)
        {
            return (null, new PhotoRefusal(StatusCodes.Status413PayloadTooLarge, field, $"Over {maxBytes:N0} bytes, the most a photo may have."));
        }

        if (part.Length == 0)
        {
            return (null, PhotoRefusal.Invalid(field, "The file is empty."));
        }

        if (part.FileName.Length > MaxFileName || !TextRules.IsClean(part.FileName))
        {
            return (null, PhotoRefusal.Invalid($"{field}.fileName", $"At most {MaxFileName} characters. {TextRules.Message}"));
        }

        if (PhotoSniffer.Sniff(part.Head) is not { } format)
        {
            return (null, new PhotoRefusal(StatusCodes.Status415UnsupportedMediaType, field,
                "Not a JPEG, PNG or HEIC photo (judged by the file's content, not its name or Content-Type)."));
        }

        using var stream = new FileStream(part.Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
        try
        {
            var facts = PhotoMetadata.Read(stream, format);
            return (new StagedPhoto(index, part.FileName.Length > 0 ? part.FileName : null, part.Sha256, part.Length, format, facts, part.Path), null);
        }
        catch (CorruptPhotoException e)
        {
            return (null, PhotoRefusal.Invalid(field, e.Message));
        }
    }

    private sealed record Part(string Path, string FileName, long Length, byte[] Head, string Sha256);
}
