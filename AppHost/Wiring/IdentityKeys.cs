using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Wiring;

/// <summary>
/// The identity service's keys: the RSA key that signs tokens (PEM) and the AES key that encrypts
/// its codes and refresh tokens. Generated once on this machine and kept in the data folder,
/// readable by the owner only, so sessions and the published key set survive a restart; given by
/// configuration (Identity:SigningKey, Identity:EncryptionKey) when set. A cluster takes them from a secret.
/// </summary>
public sealed record IdentityKeys(string SigningKey, string EncryptionKey)
{
    public static IdentityKeys Resolve(IConfiguration configuration, string dataDirectory)
    {
        if (configuration["Identity:SigningKey"] is { } signing && configuration["Identity:EncryptionKey"] is { } encryption)
        {
            return new IdentityKeys(signing, encryption);
        }

        var path = Path.Combine(dataDirectory, "identity-keys.json");
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<IdentityKeys>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty.");
        }

        using var rsa = RSA.Create(2048);
        var keys = new IdentityKeys(rsa.ExportPkcs8PrivateKeyPem(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(path, JsonSerializer.Serialize(keys));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return keys;
    }
}
