using System.Text;

namespace MassWork.Notifications.Templates;

/// <summary>
/// How carriers bill a message: signature and text together up to 70 characters is one message;
/// longer ones go in parts of 67 characters. Characters are counted as Unicode code points, so a
/// Chinese character, a letter and a digit each count one.
/// </summary>
public static class SmsSegments
{
    public const int SingleLimit = 70;
    public const int PartLength = 67;

    /// <summary>Signature plus text may not exceed this (Aliyun and Tencent).</summary>
    public const int MaxLength = 500;

    public static int Length(string signedText) => signedText.EnumerateRunes().Count();

    public static int Count(string signedText)
    {
        var length = Length(signedText);
        return length <= SingleLimit ? 1 : (length + PartLength - 1) / PartLength;
    }

    public static bool Fits(string signedText) => Length(signedText) <= MaxLength;

    /// <summary>For tests and previews: the text cut into the parts a handset receives.</summary>
    public static IReadOnlyList<string> Split(string signedText)
    {
        var runes = signedText.EnumerateRunes().ToList();
        if (runes.Count <= SingleLimit)
        {
            return [signedText];
        }

        return runes.Chunk(PartLength).Select(part => string.Concat(part.Select(r => r.ToString()))).ToList();
    }
}
