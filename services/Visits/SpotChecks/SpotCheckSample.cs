using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MassWork.Visits.SpotChecks;

/// <summary>
/// Draws a phone spot-check's sample (电话抽查) so that anyone can draw it again and get the same
/// list: each household visited in the period is ranked by the first 8 bytes of
/// SHA-256(seed as 8 bytes big-endian ‖ household id as 16 bytes big-endian, RFC 9562 order), the
/// lowest ranks are taken (ties, never seen in practice, by id). The rank of a household depends on
/// the seed and its id alone — not on the order the database returns the population in, nor on
/// the runtime — so the same seed over the same households gives the same sample, and a household
/// added to the population leaves the others' ranks unchanged. Offer the population one by one
/// (memory stays at the sample's size), then read <see cref="Drawn"/>.
/// </summary>
public sealed class SpotCheckSample(long seed, int size)
{
    /// <summary>Calls a supervisor can make for one check.</summary>
    public const int MaxSize = 200;

    /// <summary>Seeds up to 2^53 − 1, so a seed survives any JSON client (JavaScript numbers) exactly.</summary>
    public const long MaxSeed = (1L << 53) - 1;

    private readonly PriorityQueue<Guid, (ulong Rank, Guid Id)> _kept = new(Comparer<(ulong Rank, Guid Id)>.Create((a, b) => Compare(b, a)));

    public long Seed { get; } = seed;

    public int Size { get; } = size;

    /// <summary>Households offered: the population the sample was drawn from.</summary>
    public long Population { get; private set; }

    public void Offer(Guid householdId)
    {
        Population++;
        var rank = (Rank(Seed, householdId), householdId);
        if (_kept.Count < Size)
        {
            _kept.Enqueue(householdId, rank);
        }
        else if (_kept.TryPeek(out _, out var worst) && Compare(rank, worst) < 0)
        {
            _kept.DequeueEnqueue(householdId, rank);
        }
    }

    /// <summary>The households drawn, lowest rank first: the order the calls are made in.</summary>
    public IReadOnlyList<Guid> Drawn =>
        [.. _kept.UnorderedItems.OrderBy(k => k.Priority, Comparer<(ulong Rank, Guid Id)>.Create(Compare)).Select(k => k.Element)];

    public static ulong Rank(long seed, Guid householdId)
    {
        Span<byte> input = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(input, seed);
        householdId.TryWriteBytes(input[8..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>A fresh seed when the supervisor gives none: random, never derived from the clock.</summary>
    public static long NewSeed() => (long)(BinaryPrimitives.ReadUInt64BigEndian(RandomNumberGenerator.GetBytes(8)) & (ulong)MaxSeed);

    private static int Compare((ulong Rank, Guid Id) a, (ulong Rank, Guid Id) b) =>
        a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Id.CompareTo(b.Id);
}
