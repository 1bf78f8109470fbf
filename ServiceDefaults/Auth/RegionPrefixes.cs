namespace MassWork.ServiceDefaults.Auth;

/// <summary>
/// Region scopes are prefixes of the 12-digit statistical division code at a level boundary:
/// province (2), city (4), county (6), town (9) or village (12 digits).
/// </summary>
public static class RegionPrefixes
{
    private static readonly int[] LevelLengths = [2, 4, 6, 9, 12];

    public static bool IsValid(string? prefix) =>
        prefix is not null && LevelLengths.Contains(prefix.Length) && prefix.All(char.IsAsciiDigit);
}
