using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.AppHost.Supervision;

public static class SupervisionExtensions
{
    /// <summary>
    /// The start-up watch and the restarter run before Aspire's orchestrator: its start returns only
    /// once every resource has been created, which never happens when a dependency fails, so a watch
    /// started after it would never see the failure. The orderly shutdown is registered after it, so
    /// that it stops first, while DCP still takes commands.
    /// </summary>
    public static IDistributedApplicationBuilder AddPlatformSupervision(this IDistributedApplicationBuilder builder)
    {
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupWatch>());
        builder.Services.Insert(1, ServiceDescriptor.Singleton<IHostedService, ServiceRestarter>());
        builder.Services.AddHostedService<OrderlyShutdown>();
        return builder;
    }

    /// <summary>
    /// Runs the platform. A start-up the watch has ended (exit code 1, reported with the logs) makes
    /// Aspire's start throw; that is the outcome already reported, not a crash to print again.
    /// </summary>
    public static void RunPlatform(this DistributedApplication app)
    {
        try
        {
            app.Run();
        }
        catch (Exception) when (Environment.ExitCode != 0)
        {
        }
    }
}
