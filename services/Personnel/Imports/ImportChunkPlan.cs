namespace MassWork.Personnel.Imports;

/// <summary>
/// Cuts a file's records into chunks that each hold every line of their households, so a chunk
/// can be checked, merged and committed on its own. Towns keep a household's lines together, so
/// cuts fall every few thousand households; a household whose lines are scattered through the
/// file simply makes its chunk longer (in the worst case the whole file is one chunk).
/// </summary>
public static class ImportChunkPlan
{
    /// <summary>
    /// Chunk sizes, in records, for records whose household keys are <paramref name="keys"/> in
    /// file order. Equal keys always land in one chunk; a chunk closes at the first point after
    /// <paramref name="householdsPerChunk"/> households where no open household has lines further on.
    /// </summary>
    public static List<int> Sizes(IReadOnlyList<long> keys, int householdsPerChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(householdsPerChunk, 1);
        var last = new Dictionary<long, int>(keys.Count / 2);
        for (var i = 0; i < keys.Count; i++)
        {
            last[keys[i]] = i;
        }

        var sizes = new List<int>();
        var start = 0;
        var reach = -1;
        var households = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                households++;
            }

            reach = Math.Max(reach, last[keys[i]]);
            if (reach == i && households >= householdsPerChunk)
            {
                sizes.Add(i + 1 - start);
                start = i + 1;
                households = 0;
            }
        }

        if (start < keys.Count)
        {
            sizes.Add(keys.Count - start);
        }

        return sizes;
    }

    /// <summary>
    /// A 64-bit key for a household number (FNV-1a), so a million households keep their own keys:
    /// a shared key would tie two households' lines into one chunk.
    /// </summary>
    public static long Key(ReadOnlySpan<char> householdNumber)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in householdNumber.Trim())
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)hash;
    }
}
