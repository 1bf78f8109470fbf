using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Wiring;

/// <summary>
/// The dashboard on this machine: plain HTTP on fixed local ports, open without a login token.
/// Each value can be overridden by the variable of the same name (tests give free ports). They must
/// be in the environment before the builder is made: Aspire reads some of them there.
/// </summary>
public static class DashboardDefaults
{
    /// <summary>
    /// AppHost:Dashboard=false (an argument, or the AppHost__Dashboard variable) runs the platform
    /// without the development dashboard, for a machine whose telemetry goes to a collector of its own:
    /// the services then export to ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL (OTLP over gRPC), as they export
    /// to the city's collector on Kubernetes. Read before the builder exists, which needs the answer.
    /// </summary>
    public static bool IsOff(string[] args) =>
        bool.TryParse(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()["AppHost:Dashboard"], out var on) && !on;

    public static void Apply(string[] args)
    {
        Default("ASPNETCORE_URLS", "http://localhost:18888");
        Default("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", "http://localhost:18890");
        Default("ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS", "true");
        if (!IsOff(args))
        {
            // Without the dashboard there is nobody at this address: the collector's is given, or nothing is exported.
            Default("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://localhost:18889");
        }
    }

    private static void Default(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
