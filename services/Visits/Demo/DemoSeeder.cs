using Microsoft.Extensions.Options;

namespace MassWork.Visits.Demo;

/// <summary>
/// Seeds the demo town's visits when Demo:Enabled (the AppHost turns it on for a local run). The
/// town comes from personnel's events, so this waits until the read model holds the town's
/// pairings with all their households and cadres, and the count has held still between two looks
/// (a pairing's event may still be on its way while the others have arrived).
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, IOptions<DemoOptions> options, TimeProvider time, ILogger<DemoSeeder> logger) : BackgroundService
{
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var town = options.Value.TownCode[..9];
        var giveUpAt = time.GetUtcNow() + options.Value.WaitForTown;
        var seen = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var demo = scope.ServiceProvider.GetRequiredService<DemoVisits>();
                var pairings = await demo.PairingsAsync(town, stoppingToken);
                if (pairings is not null && pairings.Count == seen)
                {
                    await demo.SeedAsync(town, pairings, stoppingToken);
                    return;
                }

                seen = pairings?.Count ?? -1;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may still be starting; the next look tries again.
                logger.LogWarning(e, "Demo visits of town {Town} not seeded yet", town);
            }

            if (time.GetUtcNow() > giveUpAt)
            {
                logger.LogWarning("Demo visits of town {Town} not seeded: its pairings did not arrive from personnel within {Wait}", town, options.Value.WaitForTown);
                return;
            }

            await Task.Delay(Look, time, stoppingToken);
        }
    }
}

public static class DemoDataExtensions
{
    public static IServiceCollection AddDemoVisits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoOptions.Section);
        services.Configure<DemoOptions>(section);
        services.AddScoped<DemoVisits>();
        if (section.GetValue<bool>(nameof(DemoOptions.Enabled)))
        {
            services.AddHostedService<DemoSeeder>();
        }

        return services;
    }
}
