using MassWork.ServiceDefaults.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MassWork.UnitTests.Redaction;

public sealed class RedactingLoggerTests
{
    private const string Phone = "13800138000";
    private const string IdNumber = "360702198003151234";

    [Fact]
    public void Every_provider_gets_the_message_values_scopes_and_exception_redacted()
    {
        var captured = new CapturingProvider();
        using var services = Services(captured);
        var logger = services.GetRequiredService<ILogger<RedactingLoggerTests>>();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Member"] = IdNumber }))
        {
            logger.LogWarning(new InvalidOperationException($"duplicate key (phone)=({Phone})"), "Sending to {Phone} for {Member} failed", Phone, IdNumber);
        }

        var entry = Assert.Single(captured.Entries);
        Assert.Equal("Sending to 138****8000 for 3607**********1234 failed", entry.Message);
        Assert.Contains(new KeyValuePair<string, object?>("Phone", "138****8000"), entry.Values);
        Assert.Contains(new KeyValuePair<string, object?>("Member", "3607**********1234"), entry.Values);
        Assert.Contains(new KeyValuePair<string, object?>("{OriginalFormat}", "Sending to {Phone} for {Member} failed"), entry.Values);
        Assert.Contains("duplicate key (phone)=(138****8000)", entry.Exception);
        Assert.Contains("InvalidOperationException", entry.Exception);
        Assert.Contains(new KeyValuePair<string, object?>("Member", "3607**********1234"), Assert.Single(captured.Scopes));
        var all = string.Join('\n', captured.Entries.Select(e => $"{e.Message} {string.Join(',', e.Values)} {e.Exception}").Concat(captured.Scopes.SelectMany(s => s).Select(v => $"{v}")));
        Assert.DoesNotContain(Phone, all);
        Assert.DoesNotContain(IdNumber, all);
    }

    [Fact]
    public void Entries_without_personal_data_pass_unchanged_and_disabled_levels_are_not_formatted()
    {
        var captured = new CapturingProvider();
        using var services = Services(captured);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("test");
        var formatted = 0;

        logger.LogInformation("Imported {Count} households into {Village}", 12, "360702001201");
        logger.Log(LogLevel.Trace, default, "state", null, (s, _) => $"{++formatted}{s}");

        var entry = Assert.Single(captured.Entries);
        Assert.Equal("Imported 12 households into 360702001201", entry.Message);
        Assert.Contains(new KeyValuePair<string, object?>("Count", 12), entry.Values);
        Assert.Equal(0, formatted);
    }

    private static ServiceProvider Services(CapturingProvider captured)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(captured));
        services.AddLogRedaction();
        return services.BuildServiceProvider();
    }

    private sealed record Entry(string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, string? Exception);

    private sealed class CapturingProvider : ILoggerProvider, ILogger
    {
        public List<Entry> Entries { get; } = [];

        public List<IReadOnlyList<KeyValuePair<string, object?>>> Scopes { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            Scopes.Add(((IEnumerable<KeyValuePair<string, object?>>)state).ToList());
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new Entry(formatter(state, exception), ((IEnumerable<KeyValuePair<string, object?>>)state!).ToList(), exception?.ToString()));

        public void Dispose()
        {
        }
    }
}
