using System.Diagnostics;

namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>Reads the process tree from /proc.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var result = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var (pid, parent) in parents)
            {
                if (parent == current)
                {
                    result.Add(pid);
                    frontier.Enqueue(pid);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Every process an AppHost runs: its own children, and those of the DCP orchestrator it started
    /// (DCP detaches from the AppHost and watches it with --monitor).
    /// </summary>
    public static IReadOnlyList<int> Platform(int appHost)
    {
        var dcp = Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Command(pid) is var c && c.Contains("dcp start-apiserver") && c.Contains($"--monitor {appHost} "))
            .ToList();
        return [.. Descendants(appHost), .. dcp, .. dcp.SelectMany(Descendants)];
    }

    public static bool IsAlive(int pid) => ParentOf(pid) is not null && !IsZombie(pid);

    /// <summary>
    /// The platform's processes running <paramref name="command"/> that were not forked by another of
    /// them: the server itself, not a child that has just forked and still shows its parent's command
    /// line (a new PostgreSQL backend does until it names itself).
    /// </summary>
    public static IReadOnlyList<int> Servers(int appHost, string command) =>
        [.. Platform(appHost).Where(pid => Command(pid).Contains(command, StringComparison.Ordinal)
            && !(ParentOf(pid) is { } parent && Command(parent).Contains(command, StringComparison.Ordinal)))];

    public static string Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>
    /// The folders below <paramref name="root"/> that a process watches for changes (inotify, as .NET's
    /// configuration reload does): each such watch wakes the process on every write in that folder.
    /// </summary>
    public static IReadOnlyList<string> WatchedFolders(int pid, string root)
    {
        // fdinfo names a watched inode in hex ("inotify wd:2 ino:b202a3 sdev:…"); the folders are matched by inode.
        var inodes = Directory.EnumerateFiles($"/proc/{pid}/fdinfo")
            .SelectMany(f => ReadLines(f).Where(l => l.StartsWith("inotify ", StringComparison.Ordinal)))
            .Select(l => Convert.ToUInt64(l.Split(' ').First(w => w.StartsWith("ino:", StringComparison.Ordinal))["ino:".Length..], 16))
            .ToHashSet();
        // .NET has no stat(2); find prints each folder's inode.
        using var find = Process.Start(new ProcessStartInfo("find", [root, "-type", "d", "-printf", "%i %p\\n"]) { RedirectStandardOutput = true })!;
        var folders = find.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2));
        find.WaitForExit();
        return [.. folders.Where(f => inodes.Contains(ulong.Parse(f[0]))).Select(f => f[1])];
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            // The descriptor was closed since the folder was listed.
            return [];
        }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // Fields after the parenthesised name: state, ppid, ...
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
