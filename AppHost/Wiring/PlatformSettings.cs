using System.Security.Cryptography;

namespace MassWork.AppHost.Wiring;

/// <summary>
/// What every service of the platform receives, besides its database and the broker: the
/// environment, the key that signs tokens (a fresh one each run unless Auth:SigningKey is given)
/// and the personal-data keys (kept in the data folder: the databases hold data encrypted with them).
/// </summary>
public static class PlatformSettings
{
    /// <remarks>
    /// References reach a project as <c>ConnectionStrings__name</c> and <c>services__name__http__0</c>,
    /// the forms its code reads; not also as Aspire's per-property variables (NAME_HOST, NAME_URI, …).
    /// </remarks>
    public static IResourceBuilder<ProjectResource> WithPlatformSettings(this IResourceBuilder<ProjectResource> project, PlatformSecrets secrets, string environment) => project
        .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString | ReferenceEnvironmentInjectionFlags.ServiceDiscovery)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
        .WithEnvironment("DOTNET_ENVIRONMENT", environment)
        .WithEnvironment("Auth__SigningKey", secrets.SigningKey)
        .WithEnvironment(context =>
        {
            // On the dashboard, metrics within seconds rather than the exporter's default minute.
            if (context.ExecutionContext.IsRunMode)
            {
                context.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "5000";
            }
        });

    /// <summary>For the services that keep personal data (the gateway only passes it through).</summary>
    public static IResourceBuilder<ProjectResource> WithPersonalDataKeys(this IResourceBuilder<ProjectResource> project, PlatformSecrets secrets) => project
        .WithEnvironment("PersonalData__EncryptionKey", secrets.EncryptionKey)
        .WithEnvironment("PersonalData__HashKey", secrets.HashKey);
}

public sealed record PlatformSecrets(IResourceBuilder<ParameterResource> SigningKey, IResourceBuilder<ParameterResource> EncryptionKey, IResourceBuilder<ParameterResource> HashKey)
{
    public static PlatformSecrets Add(IDistributedApplicationBuilder builder, string dataFolder)
    {
        // A published manifest asks the deployment for the values; it neither makes nor reveals them.
        if (builder.ExecutionContext.IsPublishMode)
        {
            return new PlatformSecrets(
                builder.AddParameter("signing-key", secret: true),
                builder.AddParameter("personal-data-encryption-key", secret: true),
                builder.AddParameter("personal-data-hash-key", secret: true));
        }

        var keys = PersonalDataKeys.Resolve(builder.Configuration, dataFolder);
        return new PlatformSecrets(
            builder.AddParameter("signing-key", builder.Configuration["Auth:SigningKey"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), secret: true),
            builder.AddParameter("personal-data-encryption-key", keys.EncryptionKey, secret: true),
            builder.AddParameter("personal-data-hash-key", keys.HashKey, secret: true));
    }
}
