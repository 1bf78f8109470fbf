using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MassWork.Personnel.Imports;

/// <summary>
/// UUIDv7 ids (RFC 9562, method 2: a counter in the random bits) for bulk loads: one CSPRNG draw
/// per generator instead of one per id, which is most of what <see cref="Guid.CreateVersion7()"/>
/// costs at millions of rows. Ids are ordered within a generator; generators start at random points,
/// so two of them meet only with negligible probability.
/// Not thread-safe: one per thread or per chunk.
/// </summary>
public sealed class BulkIds
{
    private readonly ulong _high;
    private ulong _counter;

    public BulkIds(DateTimeOffset now)
    {
        Span<byte> seed = stackalloc byte[10];
        RandomNumberGenerator.Fill(seed);
        // 48-bit unix milliseconds, version 7, 12 random bits (rand_a).
        _high = (((ulong)now.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFF) << 16) | 0x7000 | (BinaryPrimitives.ReadUInt16BigEndian(seed) & 0xFFFu);
        // A 58-bit random start in the 62 bits of rand_b, so the counter cannot overflow within any realistic load.
        _counter = BinaryPrimitives.ReadUInt64BigEndian(seed[2..]) >> 6;
    }

    public Guid Next()
    {
        var value = _counter++;
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _high);
        // Variant 10, then the counter.
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], 0x8000_0000_0000_0000 | value);
        return new Guid(bytes, bigEndian: true);
    }
}
