using System.Text;
using System.Text.Unicode;

namespace MassWork.Personnel.Imports;

/// <summary>
/// Picks the encoding of an uploaded CSV: a BOM decides; otherwise valid UTF-8 is UTF-8, and
/// anything else is taken as GBK (Excel's "CSV" on Chinese Windows), read as GB18030, its superset.
/// </summary>
public static class TextEncodingDetector
{
    private const int SampleSize = 256 * 1024;

    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Reads a sample from the start of a seekable stream and rewinds it.</summary>
    public static async Task<Encoding> DetectAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[SampleSize];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        stream.Position = 0;
        return Detect(buffer.AsSpan(0, length), complete: length < SampleSize);
    }

    /// <summary><paramref name="complete"/> says the sample is the whole file, so a cut character at its end is an error.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.StartsWith<byte>([0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        if (sample.StartsWith<byte>([0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (sample.StartsWith<byte>([0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        if (!complete)
        {
            // The sample may end inside a multi-byte character; judge only up to the last whole one.
            var cut = sample.Length;
            while (cut > 0 && sample.Length - cut < 4 && (sample[cut - 1] & 0xC0) == 0x80)
            {
                cut--;
            }

            if (cut > 0 && sample[cut - 1] >= 0xC0)
            {
                cut--;
            }

            sample = sample[..cut];
        }

        return Utf8.IsValid(sample) ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Gb18030;
    }
}
