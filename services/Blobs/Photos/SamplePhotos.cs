using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace MassWork.Blobs.Photos;

/// <summary>
/// Small JPEGs made in code — 16×16, with whatever EXIF is wanted (DateTimeOriginal with or without
/// OffsetTimeOriginal, a GPS position): the demo's photos of its visits, and the tests'. Each carries
/// a comment (a fresh one unless given), so two photos never share bytes by accident: a photo's hash
/// is what tells a reused photo.
/// </summary>
public static class SamplePhotos
{
    /// <summary>A 16×16 baseline JFIF image (libheif's heif-convert of a gradient), without EXIF.</summary>
    private static readonly byte[] PlainJpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDmLXTvate1072rXtdO9q17XTvaqr44MqzHbU//2Q==");

    /// <param name="takenAt">Written as DateTimeOriginal in the time's own offset; none when null.</param>
    /// <param name="withOffset">Also write OffsetTimeOriginal; without it a reader has to assume the zone.</param>
    /// <param name="at">Written as the GPS position; none when null.</param>
    /// <param name="comment">Makes the bytes, and so the hash, unique; a fresh one when null.</param>
    public static byte[] Jpeg(DateTimeOffset? takenAt = null, (double Latitude, double Longitude)? at = null, bool withOffset = true, string? comment = null)
    {
        var output = new List<byte>(PlainJpeg.Length + 512) { 0xFF, 0xD8 };
        if (takenAt is not null || at is not null)
        {
            Segment(output, 0xE1, [.. "Exif\0\0"u8, .. Tiff(takenAt, withOffset, at)]);
        }

        Segment(output, 0xFE, Encoding.UTF8.GetBytes(comment ?? Guid.NewGuid().ToString()));
        output.AddRange(PlainJpeg.AsSpan(2));
        return [.. output];
    }

    private static void Segment(List<byte> output, byte marker, byte[] payload)
    {
        output.AddRange([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        output.AddRange(payload);
    }

    /// <summary>A big-endian TIFF structure: IFD0 pointing to the Exif IFD and the GPS IFD, then their values.</summary>
    private static byte[] Tiff(DateTimeOffset? takenAt, bool withOffset, (double Latitude, double Longitude)? at)
    {
        var exif = new List<Entry>();
        if (takenAt is { } t)
        {
            exif.Add(Ascii(0x9003, t.ToString("yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture)));
            if (withOffset)
            {
                exif.Add(Ascii(0x9011, t.ToString("zzz", CultureInfo.InvariantCulture)));
            }
        }

        var gps = new List<Entry>();
        if (at is { } p)
        {
            gps.Add(new Entry(0x0000, 1, 4, [2, 3, 0, 0]));
            gps.Add(Ascii(0x0001, p.Latitude >= 0 ? "N" : "S"));
            gps.Add(new Entry(0x0002, 5, 3, Dms(p.Latitude)));
            gps.Add(Ascii(0x0003, p.Longitude >= 0 ? "E" : "W"));
            gps.Add(new Entry(0x0004, 5, 3, Dms(p.Longitude)));
        }

        // Offsets count from the start of the TIFF header (8 bytes); IFD0 follows it, then the Exif IFD, the GPS IFD and the values.
        var ifd0Count = (exif.Count > 0 ? 1 : 0) + (gps.Count > 0 ? 1 : 0);
        var exifAt = 8 + IfdSize(ifd0Count);
        var gpsAt = exifAt + (exif.Count > 0 ? IfdSize(exif.Count) : 0);
        var valuesAt = gpsAt + (gps.Count > 0 ? IfdSize(gps.Count) : 0);
        var ifd0 = new List<Entry>();
        if (exif.Count > 0)
        {
            ifd0.Add(new Entry(0x8769, 4, 1, Long(exifAt)));
        }

        if (gps.Count > 0)
        {
            ifd0.Add(new Entry(0x8825, 4, 1, Long(gpsAt)));
        }

        List<byte> head = [(byte)'M', (byte)'M', 0x00, 0x2A, .. Long(8)];
        var values = new List<byte>();
        foreach (var ifd in new[] { ifd0, exif, gps }.Where(i => i.Count > 0))
        {
            head.AddRange([(byte)(ifd.Count >> 8), (byte)ifd.Count]);
            foreach (var entry in ifd)
            {
                head.AddRange([(byte)(entry.Tag >> 8), (byte)entry.Tag, 0, (byte)entry.Type, .. Long(entry.Count)]);
                if (entry.Value.Length <= 4)
                {
                    head.AddRange([.. entry.Value, .. new byte[4 - entry.Value.Length]]);
                }
                else
                {
                    head.AddRange(Long(valuesAt + values.Count));
                    values.AddRange(entry.Value);
                }
            }

            head.AddRange(Long(0));
        }

        return [.. head, .. values];
    }

    private static int IfdSize(int entries) => 2 + 12 * entries + 4;

    private static Entry Ascii(ushort tag, string text) => new(tag, 2, text.Length + 1, [.. Encoding.ASCII.GetBytes(text), 0]);

    /// <summary>Degrees, minutes and seconds as three RATIONALs, the seconds to 1/10,000.</summary>
    private static byte[] Dms(double value)
    {
        var abs = Math.Abs(value);
        var degrees = (uint)Math.Floor(abs);
        var minutes = (uint)Math.Floor((abs - degrees) * 60);
        var seconds = (uint)Math.Round(((abs - degrees) * 60 - minutes) * 60 * 10_000);
        return [.. Long(degrees), .. Long(1), .. Long(minutes), .. Long(1), .. Long(seconds), .. Long(10_000)];
    }

    private static byte[] Long(long value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
        return bytes;
    }

    private sealed record Entry(ushort Tag, int Type, int Count, byte[] Value);
}
