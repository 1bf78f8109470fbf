using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MassWork.Identity.Keys;

/// <summary>
/// The key material of the token service, from configuration (a cluster secret; the AppHost keeps a
/// generated pair in its data folder): an RSA key that signs every token, and an AES key that
/// encrypts the tokens only this service reads back (authorization codes, refresh tokens).
/// </summary>
public static class TokenKeys
{
    public static RsaSecurityKey Signing(IdentityServiceOptions options)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(options.SigningKey);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException($"{IdentityServiceOptions.Section}:SigningKey must be an RSA private key in PEM form.");
        }

        if (rsa.KeySize < 2048)
        {
            throw new InvalidOperationException($"{IdentityServiceOptions.Section}:SigningKey must be an RSA key of at least 2048 bits.");
        }

        // The key id follows from the public key, so it stays the same across restarts and replicas.
        var id = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 12).ToArray());
        return new RsaSecurityKey(rsa) { KeyId = id };
    }

    public static SymmetricSecurityKey Encryption(IdentityServiceOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(options.EncryptionKey ?? "");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{IdentityServiceOptions.Section}:EncryptionKey is not base64.");
        }

        return bytes.Length == 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{IdentityServiceOptions.Section}:EncryptionKey must be 32 bytes (base64).");
    }
}
