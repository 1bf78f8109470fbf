namespace MassWork.Benchmarks;

/// <summary>
/// The machine's memory as a suite starts, printed beside its figures. Files left by earlier runs
/// (servers' data folders of a killed run, test clones) fill the page cache, and a database that
/// writes gigabytes then makes the kernel reclaim pages as it goes. On this shared machine the same
/// import's figures differ by a fifth from run to run; this is one of the things that differ.
/// </summary>
public static class MachineMemory
{
    public static string Describe()
    {
        var info = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0]) / (1024.0 * 1024))
            : [];
        return info.TryGetValue("MemTotal", out var total) && info.TryGetValue("MemFree", out var free) && info.TryGetValue("Cached", out var cached)
            ? $"memory {free:N1} GiB free, {cached:N1} GiB page cache, of {total:N0} GiB"
            : "memory not known";
    }
}
