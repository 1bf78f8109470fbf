namespace MassWork.AppHost.Wiring;

/// <summary>
/// The web console (工作台), reached through the gateway at "/": it signs staff in at the identity
/// service (the gateway's address is the issuer) and calls the APIs through the gateway as the user.
/// The gateway's route to it is given here, after every API route (Order 1000), so "/api/…",
/// "/connect/…" and the rest keep theirs. Local runs only for now: the cluster's Deployment needs the
/// replicas to share their data-protection keys (the session cookies), which issue 19 still has open.
/// </summary>
public static class ConsoleWiring
{
    public static void AddConsole(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, string buildConfiguration,
        PlatformSecrets secrets, string environment, string dataFolder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return;
        }

        var console = builder.AddProject<Projects.MassWork_Console>("console").RunsBuildOutput(buildConfiguration)
            .WithHttpEndpoint(isProxied: false).WithHttpHealthCheck("/health")
            .WithPlatformSettings(secrets, environment)
            .WithEnvironment("Console__Authority", gateway.GetEndpoint("http"))
            // Sessions (cookies) outlive a restart of the console.
            .WithEnvironment("Console__KeysFolder", Path.Combine(dataFolder, "console-keys"))
            .WithEnvironment("Auth__PlatformRegion", builder.Configuration["Platform:Region"] ?? "3607")
            .WithReference(gateway);
        // A test run's instant (Development only), as every service gets it: token expiry is judged on the same clock.
        if (builder.Configuration["Clock:Offset"] is { Length: > 0 } clockOffset)
        {
            console.WithEnvironment("Clock__Offset", clockOffset);
        }

        gateway.WithReference(console)
            .WithEnvironment("ReverseProxy__Routes__console__ClusterId", "console")
            .WithEnvironment("ReverseProxy__Routes__console__AuthorizationPolicy", "anonymous")
            .WithEnvironment("ReverseProxy__Routes__console__Order", "1000")
            .WithEnvironment("ReverseProxy__Routes__console__Match__Path", "/{**rest}")
            .WithEnvironment("ReverseProxy__Clusters__console__Destinations__console__Address", "http://console");
    }
}
