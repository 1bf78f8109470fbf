namespace MassWork.Visits.SpotChecks;

/// <summary>
/// The pass rate of spot-check calls, defined once: calls where the household confirmed a visit
/// per call answered (passed + failed); a household not reached is no answer. Null with no answer.
/// </summary>
public static class SpotCheckRates
{
    public static double? PassRate(long passed, long failed) => passed + failed == 0 ? null : Math.Round((double)passed / (passed + failed), 4);
}
