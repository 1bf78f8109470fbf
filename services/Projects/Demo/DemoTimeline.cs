namespace MassWork.Projects.Demo;

/// <summary>
/// The demo's own clock: every reading is a step later, from <paramref name="start"/> towards
/// <paramref name="end"/> (never past it), so the demo's histories and ledgers read in order and
/// none lies in the future. Handed to the ledger's writer, it dates the entries on the same line.
/// </summary>
public sealed class DemoTimeline(DateTimeOffset start, DateTimeOffset end, int steps) : TimeProvider
{
    private int _step;

    public override DateTimeOffset GetUtcNow() => start + (end - start) * (Math.Min(++_step, steps) / (double)steps);
}
