namespace MassWork.ServiceDefaults.Redaction;

/// <summary>
/// Stands in for a logged exception whose text holds a phone or ID number (a database error
/// quoting a row, say): its message and its text (type, message, stack) redacted.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(Exception original, string message, string text)
        : base(message)
    {
        // The original text starts with its type name and holds its stack, redacted.
        _text = text;
        HResult = original.HResult;
    }

    public static Exception? Of(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        var redacted = PersonalDataRedactor.Redact(text);
        return redacted == text ? exception : new RedactedException(exception, PersonalDataRedactor.Redact(exception.Message), redacted);
    }

    public override string ToString() => _text;
}
