using MassWork.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace MassWork.Visits.Figures;

/// <summary>
/// Keeps <see cref="VillageFigures"/> current in the background: each round carries the villages
/// into a new year once it has begun, then refreshes the queued villages batch by batch until none
/// is left. Safe with several replicas: the refresh itself runs one at a time.
/// </summary>
public sealed class FiguresRefresher(IServiceScopeFactory scopes, TimeProvider time, IOptions<FiguresOptions> options, ILogger<FiguresRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Refreshing the villages' figures failed; it runs again in {Interval}", options.Value.RefreshInterval);
            }

            await Task.Delay(options.Value.RefreshInterval, time, stoppingToken);
        }
    }

    /// <summary>One round; returns the villages refreshed.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VillageFiguresRefresh>().CarryIntoAsync(ChinaTime.Today(time).Year, cancellationToken);
        }

        var refreshed = 0;
        int batch;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            batch = await scope.ServiceProvider.GetRequiredService<VillageFiguresRefresh>()
                .RefreshAsync("", options.Value.BatchVillages, TimeSpan.FromMinutes(30), cancellationToken);
            refreshed += batch;
        }
        while (batch == options.Value.BatchVillages);

        return refreshed;
    }
}
