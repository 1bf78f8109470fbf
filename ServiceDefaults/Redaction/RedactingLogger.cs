using Microsoft.Extensions.Logging;

namespace MassWork.ServiceDefaults.Redaction;

/// <summary>
/// Passes each entry on with its message, its structured values (the template too, in case text
/// was interpolated into it), its scope values and its exception text redacted (<see cref="PersonalDataRedactor"/>).
/// </summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        state is IEnumerable<KeyValuePair<string, object?>> values
            ? inner.BeginScope(new RedactedValues(values, state.ToString))
            : inner.BeginScope(PersonalDataRedactor.Redact(state) ?? state);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        inner.Log(logLevel, eventId, new RedactedValues(values, () => message), RedactedException.Of(exception), static (s, _) => s.ToString());
    }

    /// <summary>Structured values redacted, in their order; as text, the original's text redacted (made only when asked for).</summary>
    private sealed class RedactedValues(IEnumerable<KeyValuePair<string, object?>> values, Func<string?> text) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values = values
            .Select(v => new KeyValuePair<string, object?>(v.Key, PersonalDataRedactor.Redact(v.Value)))
            .ToArray();

        private string? _text;

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _text ??= PersonalDataRedactor.Redact(text() ?? "");
    }
}
