namespace MassWork.Projects.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>梓山镇, 于都县: the town the personnel service's demo data fills with villages and households.</summary>
    public string TownCode { get; set; } = "360731105000";
}

/// <summary>Seeds the demo town's projects on first start when Demo:Enabled (the AppHost turns it on for a local run).</summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DemoOptions> options, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<DemoProjects>().SeedAsync(options.Value, cancellationToken))
        {
            logger.LogInformation("Demo projects of town {Town} seeded", options.Value.TownCode);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DemoDataExtensions
{
    public static IServiceCollection AddDemoProjects(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoOptions.Section);
        services.Configure<DemoOptions>(section);
        services.AddScoped<DemoProjects>();
        if (section.GetValue<bool>(nameof(DemoOptions.Enabled)))
        {
            services.AddHostedService<DemoSeeder>();
        }

        return services;
    }
}
