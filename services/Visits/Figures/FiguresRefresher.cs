using Microsoft.Extensions.Options;

namespace MassWork.Visits.Figures;

/// <summary>
/// Keeps <see cref="VillageFigures"/> current in the background: each round carries the villages
/// into a new year once it has begun, then refreshes the queued villages batch by batch until none
/// is left. Safe with several replicas: the refresh itself runs one at a time.
/// </summary>
public sealed class FiguresRefresher(IServiceScopeFactory scopes, TimeProvider time, IOptions<FiguresOptions> options, ILogger<FiguresRefresher> logger)
    : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.RefreshInterval;

    protected override string WorkName => "Refreshing the villages' figures";

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => RefreshAllAsync(cancellationToken);

    /// <summary>One round; returns the villages refreshed.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VillageFiguresRefresh>().CarryIntoAsync(ChinaTime.Today(Time).Year, cancellationToken);
        }

        var refreshed = 0;
        int batch;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            batch = await scope.ServiceProvider.GetRequiredService<VillageFiguresRefresh>()
                .RefreshAsync("", options.Value.BatchVillages, TimeSpan.FromMinutes(30), waitForOthers: true, cancellationToken);
            refreshed += batch;
        }
        while (batch == options.Value.BatchVillages);

        return refreshed;
    }
}
