using Microsoft.Extensions.Logging;

namespace MassWork.ServiceDefaults.Redaction;

/// <summary>
/// The process's logger factory with every logger it creates wrapped in a <see cref="RedactingLogger"/>,
/// so each provider (console, OpenTelemetry, any added later) sees the same redacted entries.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The container that built the inner factory disposes it.
    public void Dispose()
    {
    }
}
