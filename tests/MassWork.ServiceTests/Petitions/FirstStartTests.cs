using MassWork.Petitions.Data;
using MassWork.ServiceDefaults.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassWork.ServiceTests.Petitions;

/// <summary>
/// A service's first start on a new server (a new town's installation, a fresh cluster): it creates
/// its database when there is none, as the local AppHost expects, or takes the empty one made for it,
/// applies every migration, and its log holds no error for an operator to chase.
/// </summary>
[Collection(PetitionsCollection.Name)]
public sealed class FirstStartTests(PetitionsFixture service)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_first_start_creates_or_takes_an_empty_database_migrates_it_and_logs_no_error(bool databaseMade)
    {
        var name = $"first_start_{Guid.NewGuid():N}";
        var connectionString = databaseMade ? await service.Infrastructure.CreateDatabaseAsync(name) : service.Infrastructure.DatabaseConnectionString(name);
        var log = new CapturedLog();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:petitionsdb"] = connectionString;
        builder.Logging.ClearProviders().AddProvider(log);
        builder.Services.AddSingleton<TimeProvider>(service.Clock);
        builder.AddServiceDatabase<PetitionsDbContext>("petitionsdb");

        using (var host = builder.Build())
        {
            await host.StartAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionsDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
            await host.StopAsync();
        }

        Assert.Contains(log.Entries, e => e.Message.StartsWith("Applying ", StringComparison.Ordinal));
        Assert.Empty(log.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}"));
    }

    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly List<(LogLevel Level, string Category, string Message)> _entries = [];

        public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (log._entries)
                {
                    log._entries.Add((logLevel, category, formatter(state, exception)));
                }
            }
        }
    }
}
