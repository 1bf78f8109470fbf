using System.Runtime.InteropServices;

namespace MassWork.Testing.Servers;

/// <summary>The few POSIX calls .NET does not expose: signals to a process or a process group.</summary>
public static class Posix
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    public static bool IsRoot => GetEuid() == 0;

    public static void Signal(int pid, int signal) => Kill(pid, signal);

    /// <summary>Signals every process in the group led by <paramref name="pgid"/>.</summary>
    public static void SignalGroup(int pgid, int signal) => Kill(-pgid, signal);

    public static bool IsAlive(int pid) => Kill(pid, 0) == 0;
}
