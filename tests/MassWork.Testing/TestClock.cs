namespace MassWork.Testing;

/// <summary>
/// Where every test run starts in time, whatever the hour, weekday or date the suite runs:
/// Wednesday 10 June 2026, 10:00 in Shanghai — a working day, inside the SMS day window, nine
/// days before the Dragon Boat holiday. Tests that are about time move from here explicitly.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));
}
