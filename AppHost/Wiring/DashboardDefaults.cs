namespace MassWork.AppHost.Wiring;

/// <summary>
/// The dashboard on this machine: plain HTTP on fixed local ports, open without a login token.
/// Each value can be overridden by the variable of the same name (tests give free ports). They must
/// be in the environment before the builder is made: Aspire reads some of them there.
/// </summary>
public static class DashboardDefaults
{
    public static void Apply()
    {
        Default("ASPNETCORE_URLS", "http://localhost:18888");
        Default("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://localhost:18889");
        Default("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", "http://localhost:18890");
        Default("ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS", "true");
    }

    private static void Default(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
