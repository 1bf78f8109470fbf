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

    /// <summary>
    /// The prefix a code stands for: a town's 360702001000 is 360702001, a county's 360702000000 is
    /// 360702, a village's code is its own. A region lies within another when its prefix starts with the other's.
    /// </summary>
    public static string Of(string code)
    {
        foreach (var length in LevelLengths)
        {
            if (length <= code.Length && code.AsSpan(length).IndexOfAnyExcept('0') < 0)
            {
                return code[..length];
            }
        }

        return code;
    }
}
