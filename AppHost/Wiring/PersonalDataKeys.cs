using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Wiring;

/// <summary>
/// The keys that encrypt and hash personal data. Unlike the token signing key they must outlive
/// a run (the databases hold data encrypted with them), so they are kept next to the data they
/// protect, readable by the owner only, unless configuration gives them.
/// </summary>
public sealed record PersonalDataKeys(string EncryptionKey, string HashKey)
{
    public static PersonalDataKeys Resolve(IConfiguration configuration, string dataDirectory)
    {
        if (configuration["PersonalData:EncryptionKey"] is { } encryption && configuration["PersonalData:HashKey"] is { } hash)
        {
            return new PersonalDataKeys(encryption, hash);
        }

        var path = Path.Combine(dataDirectory, "personal-data-keys.json");
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<PersonalDataKeys>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty.");
        }

        var keys = new PersonalDataKeys(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(path, JsonSerializer.Serialize(keys));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return keys;
    }
}
