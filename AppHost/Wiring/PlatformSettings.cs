using System.Security.Cryptography;

namespace MassWork.AppHost.Wiring;

/// <summary>
/// What every service of the platform receives, besides its database and the broker: the
/// environment, the key that signs tokens (a fresh one each run unless Auth:SigningKey is given)
/// and the personal-data keys (kept in the data folder: the databases hold data encrypted with them).
/// </summary>
public static class PlatformSettings
{
    public static IResourceBuilder<ProjectResource> WithPlatformSettings(this IResourceBuilder<ProjectResource> project, PlatformSecrets secrets, string environment) => project
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
        .WithEnvironment("DOTNET_ENVIRONMENT", environment)
        .WithEnvironment("Auth__SigningKey", secrets.SigningKey)
        .WithEnvironment("PersonalData__EncryptionKey", secrets.EncryptionKey)
        .WithEnvironment("PersonalData__HashKey", secrets.HashKey);
}

public sealed record PlatformSecrets(IResourceBuilder<ParameterResource> SigningKey, IResourceBuilder<ParameterResource> EncryptionKey, IResourceBuilder<ParameterResource> HashKey)
{
    public static PlatformSecrets Add(IDistributedApplicationBuilder builder, string dataFolder)
    {
        var keys = PersonalDataKeys.Resolve(builder.Configuration, dataFolder);
        return new PlatformSecrets(
            builder.AddParameter("signing-key", builder.Configuration["Auth:SigningKey"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), secret: true),
            builder.AddParameter("personal-data-encryption-key", keys.EncryptionKey, secret: true),
            builder.AddParameter("personal-data-hash-key", keys.HashKey, secret: true));
    }
}
