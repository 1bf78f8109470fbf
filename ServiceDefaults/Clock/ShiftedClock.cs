namespace MassWork.ServiceDefaults.Clock;

/// <summary>
/// The system clock moved by a fixed offset: every process of a test run given the same offset
/// agrees on "now" to the millisecond, and time still flows, so timers and delays behave as usual.
/// </summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>The offset that makes this clock read <paramref name="now"/> at the moment <paramref name="reference"/> reads its own now.</summary>
    public static ShiftedClock StartingAt(DateTimeOffset now, TimeProvider? reference = null) =>
        new(now - (reference ?? System).GetUtcNow());
}
