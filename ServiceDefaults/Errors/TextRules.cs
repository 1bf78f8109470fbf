namespace MassWork.ServiceDefaults.Errors;

/// <summary>
/// The one rule for text anyone sends us: no control characters but tab, line feed and carriage
/// return, and no unpaired UTF-16 surrogates. PostgreSQL cannot store NUL in text, and the others
/// have no place in names, addresses or notes (they only ever arrive by accident or by attack).
/// </summary>
public static class TextRules
{
    public const string Message = "Control characters (other than tab and line breaks) and broken Unicode are not allowed.";

    public static bool IsClean(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c == '\u007F')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
