using System.Security.Cryptography;

namespace MassWork.AppHost.Wiring;

/// <summary>
/// What every service of the platform receives, besides its database and the broker: the
/// environment, the identity service to check tokens with, in Development the key that signs
/// Development tokens (a fresh one each run unless Auth:SigningKey is given), and the personal-data
/// keys (kept in the data folder: the databases hold data encrypted with them).
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
        .WithDevelopmentTokens(secrets)
        .WithEnvironment(context =>
        {
            // On the dashboard, metrics within seconds rather than the exporter's default minute.
            if (context.ExecutionContext.IsRunMode)
            {
                context.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "5000";
            }
        });

    /// <summary>Development tokens (/dev/token, tests) exist only in Development; elsewhere no HMAC key is handed out at all.</summary>
    private static IResourceBuilder<ProjectResource> WithDevelopmentTokens(this IResourceBuilder<ProjectResource> project, PlatformSecrets secrets) =>
        secrets.SigningKey is { } key ? project.WithEnvironment("Auth__SigningKey", key) : project;

    /// <summary>For the services that keep personal data (the gateway only passes it through).</summary>
    public static IResourceBuilder<ProjectResource> WithPersonalDataKeys(this IResourceBuilder<ProjectResource> project, PlatformSecrets secrets) => project
        .WithEnvironment("PersonalData__EncryptionKey", secrets.EncryptionKey)
        .WithEnvironment("PersonalData__HashKey", secrets.HashKey);
}

public sealed record PlatformSecrets(
    IResourceBuilder<ParameterResource>? SigningKey,
    IResourceBuilder<ParameterResource> EncryptionKey,
    IResourceBuilder<ParameterResource> HashKey,
    IResourceBuilder<ParameterResource> IdentitySigningKey,
    IResourceBuilder<ParameterResource> IdentityEncryptionKey)
{
    public static PlatformSecrets Add(IDistributedApplicationBuilder builder, string dataFolder, string environment)
    {
        var development = environment == "Development";

        // A published manifest asks the deployment for the values; it neither makes nor reveals them.
        if (builder.ExecutionContext.IsPublishMode)
        {
            return new PlatformSecrets(
                development ? builder.AddParameter("signing-key", secret: true) : null,
                builder.AddParameter("personal-data-encryption-key", secret: true),
                builder.AddParameter("personal-data-hash-key", secret: true),
                builder.AddParameter("identity-signing-key", secret: true),
                builder.AddParameter("identity-encryption-key", secret: true));
        }

        var keys = PersonalDataKeys.Resolve(builder.Configuration, dataFolder);
        var identity = IdentityKeys.Resolve(builder.Configuration, dataFolder);
        return new PlatformSecrets(
            development ? builder.AddParameter("signing-key", builder.Configuration["Auth:SigningKey"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), secret: true) : null,
            builder.AddParameter("personal-data-encryption-key", keys.EncryptionKey, secret: true),
            builder.AddParameter("personal-data-hash-key", keys.HashKey, secret: true),
            builder.AddParameter("identity-signing-key", identity.SigningKey, secret: true),
            builder.AddParameter("identity-encryption-key", identity.EncryptionKey, secret: true));
    }
}
