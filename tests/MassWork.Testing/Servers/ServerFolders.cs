using System.Diagnostics;

namespace MassWork.Testing.Servers;

/// <summary>Folders for local servers, owned by the user the server runs as.</summary>
internal static class ServerFolders
{
    public static void CreateOwnedBy(string path, string? user)
    {
        Directory.CreateDirectory(path);
        if (user is not null && Posix.IsRoot)
        {
            Run("chown", "-R", $"{user}:{user}", path);
        }
    }

    /// <summary>True when <paramref name="user"/> can reach <paramref name="path"/> (every parent searchable).</summary>
    public static bool Reachable(string path, string? user) =>
        user is null || !Posix.IsRoot || Run("setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--", "test", "-x", path) == 0;

    public static int Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
