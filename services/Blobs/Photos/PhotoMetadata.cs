using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Heif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MassWork.ServiceDefaults;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.Blobs.Photos;

/// <summary>
/// Reads a photo's structure and EXIF (MetadataExtractor): the pixel size from the image header —
/// a file without one is corrupt — and, when the camera wrote them, the capture time
/// (DateTimeOriginal, at OffsetTimeOriginal when given, else in Asia/Shanghai: phones write
/// local time, and the platform serves one Chinese city) and the GPS position. Only headers are
/// read, never the pixels, so a huge or hostile image costs nothing to check.
/// </summary>
public static class PhotoMetadata
{
    /// <param name="stream">Seekable: the file is read more than once.</param>
    public static PhotoFacts Read(Stream stream, PhotoFormat format)
    {
        stream.Position = 0;
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = format switch
            {
                PhotoFormat.Jpeg => JpegMetadataReader.ReadMetadata(stream),
                PhotoFormat.Png => PngMetadataReader.ReadMetadata(stream),
                _ => HeifMetadataReader.ReadMetadata(stream),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reader parses untrusted bytes; whatever it throws means the file does not hold together.
            throw new CorruptPhotoException($"Not a readable {format} image ({e.Message.TrimEnd('.')}).");
        }

        if (PhotoStructure.Problem(stream, format) is { } problem)
        {
            throw new CorruptPhotoException(problem);
        }

        var (width, height) = Size(directories, format);
        if (width <= 0 || height <= 0)
        {
            throw new CorruptPhotoException($"Not a readable {format} image (no image header with its size).");
        }

        return new PhotoFacts(width, height, CapturedAt(directories), Location(directories));
    }

    private static (int Width, int Height) Size(IReadOnlyList<MetadataExtractor.Directory> directories, PhotoFormat format)
    {
        var (directory, widthTag, heightTag) = format switch
        {
            PhotoFormat.Jpeg => (directories.OfType<JpegDirectory>().FirstOrDefault() as MetadataExtractor.Directory, JpegDirectory.TagImageWidth, JpegDirectory.TagImageHeight),
            PhotoFormat.Png => (directories.OfType<PngDirectory>().FirstOrDefault(d => d.ContainsTag(PngDirectory.TagImageWidth)), PngDirectory.TagImageWidth, PngDirectory.TagImageHeight),
            _ => (directories.OfType<HeicImagePropertiesDirectory>().FirstOrDefault(d => d.ContainsTag(HeicImagePropertiesDirectory.TagImageWidth)),
                HeicImagePropertiesDirectory.TagImageWidth, HeicImagePropertiesDirectory.TagImageHeight),
        };
        return directory is not null && directory.TryGetInt32(widthTag, out var width) && directory.TryGetInt32(heightTag, out var height)
            ? (width, height)
            : (0, 0);
    }

    private static DateTimeOffset? CapturedAt(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        foreach (var exif in directories.OfType<ExifSubIfdDirectory>())
        {
            if (!DateTime.TryParseExact(exif.GetString(ExifDirectoryBase.TagDateTimeOriginal)?.Trim('\0', ' '), "yyyy:MM:dd HH:mm:ss",
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                continue;
            }

            // A camera's clock is what its owner set: a time outside the dates a request may name, or
            // an offset an instant cannot hold (beyond ±14 h), is a broken tag, and the photo is kept
            // as taken at an unknown time.
            var offset = Offset(exif.GetString(ExifDirectoryBase.TagTimeZoneOriginal)) ?? ChinaTime.Zone.GetUtcOffset(local);
            if (offset.Duration() > TimeSpan.FromHours(14) || !DateRules.IsInRange(local))
            {
                continue;
            }

            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return null;
    }

    /// <summary>OffsetTimeOriginal: "+08:00" or "-05:00".</summary>
    private static TimeSpan? Offset(string? text) =>
        text?.Trim('\0', ' ') is [var sign and ('+' or '-'), .. var rest] && TimeSpan.TryParseExact(rest, @"hh\:mm", CultureInfo.InvariantCulture, out var span)
            ? sign == '-' ? -span : span
            : null;

    private static GeoPoint? Location(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        foreach (var gps in directories.OfType<GpsDirectory>())
        {
            // A camera without a fix writes zeros; a point off the globe is a broken tag.
            if (gps.GetGeoLocation() is { IsZero: false } location
                && Math.Abs(location.Latitude) <= 90 && Math.Abs(location.Longitude) <= 180)
            {
                return new GeoPoint(location.Latitude, location.Longitude);
            }
        }

        return null;
    }
}
