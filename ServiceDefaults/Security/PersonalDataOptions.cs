namespace MassWork.ServiceDefaults.Security;

/// <summary>
/// Keys for personal data at rest (ID card numbers, phones). Both are base64, 32 bytes, and come
/// from configuration (the AppHost keeps them in its data folder; Kubernetes from a Secret).
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>AES-256-GCM key for the stored values.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>HMAC-SHA256 key for the lookup hash, so exact search works without decrypting.</summary>
    public string? HashKey { get; set; }
}
