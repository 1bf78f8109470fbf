namespace MassWork.AppHost.Wiring;

/// <summary>
/// The web console (工作台), reached through the gateway at "/" (the gateway's route "console", after
/// every API route): it signs staff in at the identity service (the gateway's address is the issuer)
/// and calls the APIs through the gateway as the user. Its replicas share the data-protection key
/// ring in Console:KeysFolder, which protects the session cookies.
/// </summary>
public static class ConsoleWiring
{
    public static IResourceBuilder<ProjectResource> AddConsole(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, string buildConfiguration,
        PlatformSecrets secrets, string environment, string dataFolder)
    {
        var console = builder.AddProject<Projects.MassWork_Console>("console").RunsBuildOutput(buildConfiguration)
            .WithHttpEndpoint(isProxied: false).WithHttpHealthCheck("/health")
            .WithPlatformSettings(secrets, environment)
            .WithEnvironment("Console__Authority", gateway.GetEndpoint("http"))
            // Sessions (cookies) outlive a restart of the console.
            .WithEnvironment("Console__KeysFolder", Path.Combine(dataFolder, "console-keys"))
            .WithReference(gateway);
        gateway.WithReference(console);
        return console;
    }
}
