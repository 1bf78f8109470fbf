namespace MassWork.Personnel.People;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence and
/// a check character computed with ISO 7064 MOD 11-2 over the first 17 digits.
/// </summary>
public static class IdCardNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Upper-cases the check character and trims, so "x" and "X" hash the same.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>Null when valid; otherwise why not, in words a clerk can act on.</summary>
    public static string? Validate(string normalized, DateOnly today)
    {
        if (normalized.Length != 18)
        {
            return "Must be 18 characters.";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(normalized[i]))
            {
                return "The first 17 characters must be digits.";
            }
        }

        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", out var birth) || birth.Year < 1900 || birth > today)
        {
            return "Characters 7–14 must be a real birth date.";
        }

        return normalized[17] == CheckDigit(normalized) ? null : "The check digit does not match (GB 11643).";
    }

    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>3607**********1234: the prefix shows the region, the last four tell relatives apart.</summary>
    public static string Mask(string normalized) =>
        normalized.Length < 8 ? new string('*', normalized.Length) : normalized[..4] + new string('*', normalized.Length - 8) + normalized[^4..];
}
