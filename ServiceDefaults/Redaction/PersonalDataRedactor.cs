using System.Text.RegularExpressions;
using MassWork.ServiceDefaults.Security;

namespace MassWork.ServiceDefaults.Redaction;

/// <summary>
/// Masks mainland mobile numbers (11 digits, optionally +86/0086) and resident ID numbers (18
/// characters: region, birth date, sequence, check character) wherever they appear in text bound
/// for logs and traces, in the forms the platform shows them (138****5678, 3607**********1234).
/// Digits glued to other digits are left alone, so longer numbers (timestamps, amounts) stay intact.
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Redact(string text)
    {
        // Most log text holds no run of 11 digits: skip the regex work for it.
        if (!HasLongDigitRun(text))
        {
            return text;
        }

        return Pattern().Replace(text, m => m.Groups["id"].Success
            ? m.Value[..4] + new string('*', 10) + m.Value[^4..]
            : PhoneNumber.Mask(m.Groups["mobile"].Value));
    }

    /// <summary>
    /// Masks a log or trace value: text, and whatever else formats to text holding such a number
    /// (a long, an object logged whole), becomes its redacted text; other values stay as they are.
    /// </summary>
    public static object? Redact(object? value)
    {
        if (value is null or bool or int or short or byte or double or float or Guid or DateTime or DateTimeOffset or TimeSpan or Enum)
        {
            return value;
        }

        var text = value as string ?? value.ToString();
        if (text is null)
        {
            return value;
        }

        var redacted = Redact(text);
        return redacted == text ? value : redacted;
    }

    private static bool HasLongDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 11)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:(?<id>[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])|(?:(?:\+|%2[Bb])?86|0086)?(?<mobile>1[3-9][0-9]{9}))(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
