using System.Buffers.Binary;

namespace MassWork.Blobs.Photos;

/// <summary>
/// Whether a file is whole, where the EXIF reader does not look: a JPEG's image data must end
/// (EOI after the first scan; phones' motion photos append a video after it, which is fine), and
/// a HEIC file's top-level boxes must add up to exactly its length. A PNG is read to its IEND chunk
/// by the EXIF reader already. Cut-off files are what a phone leaves when it runs out of space.
/// </summary>
public static class PhotoStructure
{
    private const int BufferBytes = 1 << 16;

    public static string? Problem(Stream stream, PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => JpegProblem(stream),
        PhotoFormat.Heic => HeifProblem(stream),
        _ => null,
    };

    private static string? JpegProblem(Stream stream)
    {
        stream.Position = 2;
        Span<byte> two = stackalloc byte[2];
        while (true)
        {
            if (stream.ReadAtLeast(two, 2, throwOnEndOfStream: false) < 2 || two[0] != 0xFF)
            {
                return "The JPEG segments break off before the image data.";
            }

            var marker = two[1];
            if (marker == 0xFF)
            {
                // Fill bytes before a marker.
                stream.Position--;
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (marker == 0xDA)
            {
                return EndOfImageFollows(stream) ? null : "The JPEG image data is cut off (no end-of-image marker).";
            }

            if (stream.ReadAtLeast(two, 2, throwOnEndOfStream: false) < 2)
            {
                return "The JPEG segments break off before the image data.";
            }

            var segment = BinaryPrimitives.ReadUInt16BigEndian(two);
            if (segment < 2)
            {
                return "A JPEG segment has an impossible length.";
            }

            stream.Position += segment - 2;
        }
    }

    /// <summary>In entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so the first FF D9 is the end of the image.</summary>
    private static bool EndOfImageFollows(Stream stream)
    {
        var buffer = new byte[BufferBytes];
        var previous = (byte)0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (previous == 0xFF && buffer[0] == 0xD9)
            {
                return true;
            }

            if (buffer.AsSpan(0, read).IndexOf([(byte)0xFF, (byte)0xD9]) >= 0)
            {
                return true;
            }

            previous = buffer[read - 1];
        }

        return false;
    }

    /// <summary>ISO-BMFF boxes: a 32-bit size (1: a 64-bit size follows the type; 0: to the end of the file) and a type.</summary>
    private static string? HeifProblem(Stream stream)
    {
        var length = stream.Length;
        var at = 0L;
        Span<byte> header = stackalloc byte[16];
        while (at < length)
        {
            stream.Position = at;
            if (length - at < 8 || stream.ReadAtLeast(header[..8], 8, throwOnEndOfStream: false) < 8)
            {
                return "The HEIC boxes break off.";
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size == 1)
            {
                if (stream.ReadAtLeast(header[8..], 8, throwOnEndOfStream: false) < 8)
                {
                    return "The HEIC boxes break off.";
                }

                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(header[8..]), long.MaxValue);
            }
            else if (size == 0)
            {
                size = length - at;
            }

            if (size < 8 || size > length - at)
            {
                return "The HEIC file is cut off (a box runs past its end).";
            }

            at += size;
        }

        return null;
    }
}
