using System.Buffers.Binary;
using System.Text;

namespace MassWork.Blobs.Photos;

/// <summary>
/// Tells a photo's format from its first bytes (magic numbers), never from its name or the
/// Content-Type the client sent: either may say anything.
/// </summary>
public static class PhotoSniffer
{
    /// <summary>Enough for the JPEG and PNG signatures and a HEIF ftyp box with its brands.</summary>
    public const int HeadBytes = 256;

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>HEIF brands of HEVC-coded images and sequences; AVIF (avif, avis) is HEIF too but not HEIC.</summary>
    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx"];

    public static PhotoFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return PhotoFormat.Jpeg;
        }

        if (head.StartsWith(Png))
        {
            return PhotoFormat.Png;
        }

        return IsHeic(head) ? PhotoFormat.Heic : null;
    }

    /// <summary>An ISO-BMFF file starts with its ftyp box: size, "ftyp", major brand, minor version, compatible brands.</summary>
    private static bool IsHeic(ReadOnlySpan<byte> head)
    {
        if (head.Length < 16 || !head[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (size < 16 || size % 4 != 0)
        {
            return false;
        }

        var box = head[..(int)Math.Min(size, (uint)head.Length)];
        if (IsHeicBrand(box[8..12]))
        {
            return true;
        }

        for (var at = 16; at + 4 <= box.Length; at += 4)
        {
            if (IsHeicBrand(box[at..(at + 4)]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeicBrand(ReadOnlySpan<byte> brand) => HeicBrands.Contains(Encoding.ASCII.GetString(brand));
}
