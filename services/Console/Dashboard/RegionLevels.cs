namespace MassWork.Console.Dashboard;

/// <summary>Drill-down along the division code: city (4) → county (6) → town (9) → village (12).</summary>
public static class RegionLevels
{
    private static readonly int[] Lengths = [2, 4, 6, 9, 12];

    /// <summary>The prefix one level up, or null at the top.</summary>
    public static string? Parent(string prefix)
    {
        var index = Array.IndexOf(Lengths, prefix.Length);
        return index > 0 ? prefix[..Lengths[index - 1]] : null;
    }
}
