using MassWork.Visits.Data;
using MassWork.Visits.Figures;
using MassWork.Visits.Frequency;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MassWork.ServiceTests.Visits;

/// <summary>The visits service in this process on the test's clock; personnel's events come straight from the broker.</summary>
public sealed class VisitsFixture : ServiceFixture
{
    private ServiceHost<VisitsDbContext>? _service;

    /// <summary>
    /// The service's own sweeper, taken out of the background: a test moves the clock, then sweeps,
    /// so no sweep of the service's runs between a test's steps.
    /// </summary>
    public FrequencySweeper Sweeper => _service!.Services.GetRequiredService<FrequencySweeper>();

    /// <summary>The background refresh of the villages' figures, likewise run by the test that needs it.</summary>
    public FiguresRefresher Refresher => _service!.Services.GetRequiredService<FiguresRefresher>();

    /// <summary>The background refresh as it would run with the clock at another instant (the service's own clock never goes back).</summary>
    public FiguresRefresher RefresherAt(DateTimeOffset instant) => new(
        _service!.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(instant.ToUniversalTime()),
        _service.Services.GetRequiredService<IOptions<FiguresOptions>>(), _service.Services.GetRequiredService<ILogger<FiguresRefresher>>());

    /// <summary>The service's figures query as configured, or told to refresh no village itself (as for a region with many queued).</summary>
    public async Task<VisitFiguresReport> FiguresAsync(string region, FiguresPeriod period, int inlineVillages)
    {
        await using var scope = _service!.Services.CreateAsyncScope();
        var query = new FiguresQuery(scope.ServiceProvider.GetRequiredService<VisitsDbContext>(), scope.ServiceProvider.GetRequiredService<VillageFiguresRefresh>(),
            Options.Create(new FiguresOptions { InlineVillages = inlineVillages }));
        return await query.RunAsync(region, period, CancellationToken.None);
    }

    /// <summary>The figures as the service's own query reads them, for a period the test names whatever the clock says.</summary>
    public async Task<VisitFiguresReport> FiguresAsync(string region, FiguresPeriod period)
    {
        await using var scope = _service!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FiguresQuery>().RunAsync(region, period, CancellationToken.None);
    }

    protected override async Task StartServiceAsync()
    {
        var settings = CommonSettings("visitsdb", await Infrastructure.CreateDatabaseAsync("visitsdb"));
        settings["Blobs:Folder"] = Path.Combine(Infrastructure.Directory, "blobs");
        _service = new ServiceHost<VisitsDbContext>(settings, Clock, services: services =>
        {
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(FrequencySweeper)));
            services.AddSingleton<FrequencySweeper>();
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(FiguresRefresher)));
            services.AddSingleton<FiguresRefresher>();
        });
        Client = _service.CreateClient();
    }

    protected override async ValueTask StopServiceAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    /// <summary>Events of a type the service raised about an aggregate (a cadre's id, a village's code).</summary>
    public Task<long> EventsAsync(string aggregate, string type, string? kind = null) =>
        Infrastructure.CountAsync("visitsdb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @a AND message_type LIKE @t AND (@k = '' OR payload->>'kind' = @k)",
            ("a", aggregate), ("t", $"MassWork.Contracts.Visits.V1.{type},%"), ("k", kind ?? ""));
}

[CollectionDefinition(Name)]
public sealed class VisitsCollection : ICollectionFixture<VisitsFixture>
{
    public const string Name = "visits";
}
