namespace MassWork.ServiceDefaults.Clock;

/// <summary>
/// A clock that reads the instant it was last set to. Demo data is seeded through the same code
/// staff use, with this clock set to the day each step is meant to have happened, so the demo's
/// history reads as if it had been entered on those days.
/// </summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
