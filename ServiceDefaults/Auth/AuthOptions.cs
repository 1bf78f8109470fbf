namespace MassWork.ServiceDefaults.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base64 HMAC key, at least 32 bytes; the AppHost generates one per run.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "masswork";

    public string Audience { get; set; } = "masswork";
}
