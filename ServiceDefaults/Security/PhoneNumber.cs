namespace MassWork.ServiceDefaults.Security;

/// <summary>Mainland phone numbers: mobiles (1[3-9] + 9 digits) and landlines (0 + area code + number).</summary>
public static class PhoneNumber
{
    private static readonly System.Buffers.SearchValues<char> DigitsAndPlus = System.Buffers.SearchValues.Create("+0123456789");

    /// <summary>Drops spaces, dashes and a +86/0086 prefix so one number has one form (and one hash).</summary>
    public static string Normalize(string value)
    {
        var digits = value.AsSpan().ContainsAnyExcept(DigitsAndPlus) ? new string(value.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()) : value;
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        return digits;
    }

    public static bool IsMobile(string normalized) =>
        normalized.Length == 11 && normalized[0] == '1' && normalized[1] is >= '3' and <= '9' && normalized.All(char.IsAsciiDigit);

    public static string? Validate(string normalized)
    {
        if (IsMobile(normalized))
        {
            return null;
        }

        return normalized.Length is >= 10 and <= 12 && normalized[0] == '0' && normalized[1] != '0' && normalized.All(char.IsAsciiDigit)
            ? null
            : "Must be a mainland mobile (11 digits starting 13–19) or a landline with its area code.";
    }

    /// <summary>138****5678 for mobiles; landlines keep the area code and the last four digits.</summary>
    public static string Mask(string normalized) =>
        IsMobile(normalized)
            ? normalized[..3] + "****" + normalized[^4..]
            : normalized.Length > 8 ? normalized[..4] + new string('*', normalized.Length - 8) + normalized[^4..] : new string('*', normalized.Length);
}
