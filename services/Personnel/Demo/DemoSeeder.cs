using Microsoft.Extensions.Options;

namespace MassWork.Personnel.Demo;

/// <summary>Seeds the demo town on first start when Demo:Enabled (the AppHost turns it on for a local run).</summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var town = scope.ServiceProvider.GetRequiredService<DemoTown>();
        if (await town.SeedAsync(options.Value, cancellationToken))
        {
            logger.LogInformation("Demo town {Town} seeded", options.Value.TownCode);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DemoDataExtensions
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoOptions.Section);
        services.Configure<DemoOptions>(section);
        services.AddScoped<DemoTown>();
        if (section.GetValue<bool>(nameof(DemoOptions.Enabled)))
        {
            services.AddHostedService<DemoSeeder>();
        }

        return services;
    }
}
