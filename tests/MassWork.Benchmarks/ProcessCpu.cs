namespace MassWork.Benchmarks;

/// <summary>
/// The CPU every process on the machine has used so far, summed by process name (the services,
/// <c>beam.smp</c> for RabbitMQ, <c>postgres</c> for PostgreSQL's backends). Two snapshots around a
/// measured stretch say where its CPU went. A process that ended between them is not counted.
/// </summary>
public sealed class ProcessCpu
{
    private static readonly string[] Services = ["personnel", "petitions", "notifications", "visits", "projects", "identity", "gateway", "benchmarks", "console", "smssimulator"];

    private readonly Dictionary<int, (string Name, long Ticks)> _byPid;
    private readonly (long Idle, long Total) _machine;

    private ProcessCpu(Dictionary<int, (string Name, long Ticks)> byPid, (long Idle, long Total) machine) => (_byPid, _machine) = (byPid, machine);

    public static ProcessCpu Now()
    {
        var byPid = new Dictionary<int, (string Name, long Ticks)>();
        foreach (var path in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(path), out var pid) && CpuMark.ProcCpu(path) is { } cpu)
            {
                byPid[pid] = cpu;
            }
        }

        return new ProcessCpu(byPid, BenchLoad.CpuTimes());
    }

    /// <summary>CPU seconds used since <paramref name="start"/>, by process name, largest first.</summary>
    public IReadOnlyList<(string Name, double Seconds)> Since(ProcessCpu start) =>
        [.. _byPid
            // By pid, not name: a kernel worker renames itself after the work it is doing.
            .Select(p => (Name: Group(p.Value.Name), Ticks: p.Value.Ticks - (start._byPid.TryGetValue(p.Key, out var before) && before.Ticks <= p.Value.Ticks ? before.Ticks : 0)))
            .GroupBy(p => p.Name, (name, ps) => (Name: name, Seconds: ps.Sum(p => p.Ticks) / 100.0))
            .Where(p => p.Seconds > 0)
            .OrderByDescending(p => p.Seconds)];

    /// <summary>CPU seconds the processes named <paramref name="name"/> used since <paramref name="start"/>.</summary>
    public double Since(ProcessCpu start, string name) => Since(start).Where(p => p.Name == name).Sum(p => p.Seconds);

    /// <summary>
    /// "machine 97 % busy, 1.21 ms CPU each; processes still running 1.19: RabbitMQ 0.33, notifications 0.19, …"
    /// for a unit of work, naming the processes that used at least 2 % of the stretch's CPU. A machine
    /// short of fully busy means the work waited on something other than the CPU. The machine's figure
    /// also holds what processes that have ended used (pgbench's connections, say), the processes' does not.
    /// </summary>
    public string PerUnit(ProcessCpu start, int units)
    {
        var used = Since(start);
        var total = used.Sum(p => p.Seconds);
        var (idle, all) = (_machine.Idle - start._machine.Idle, Math.Max(1, _machine.Total - start._machine.Total));
        // /proc/stat counts in hundredths of a second, summed over the cores.
        var machine = (all - idle) * 10.0 / units;
        return $"machine {1 - (double)idle / all:P0} busy, {machine:N2} ms CPU each; processes still running {total * 1000 / units:N2}: "
            + string.Join(", ", used.Where(p => p.Seconds >= total * 0.02).Select(p => $"{Label(p.Name)} {p.Seconds * 1000 / units:N2}"));
    }

    private static string Group(string name) => name.StartsWith("kworker/", StringComparison.Ordinal) ? "kworker" : name;

    /// <summary>A process's name is cut to 15 characters: "MassWork.Notifi" is the notifications service.</summary>
    private static string Label(string name) => name switch
    {
        "beam.smp" => "RabbitMQ",
        "postgres" => "PostgreSQL",
        "kworker" => "kernel workers",
        _ when name.StartsWith("MassWork.", StringComparison.Ordinal) => Services.FirstOrDefault(s => s.StartsWith(name["MassWork.".Length..].ToLowerInvariant(), StringComparison.Ordinal)) ?? name,
        _ => name,
    };
}
