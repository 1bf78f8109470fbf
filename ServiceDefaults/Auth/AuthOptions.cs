namespace MassWork.ServiceDefaults.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The identity service's own address inside the platform (http://identity): services read its
    /// published keys there (OIDC discovery and JWKS) to check the tokens it issues.
    /// </summary>
    public Uri? Authority { get; set; }

    /// <summary>
    /// Base64 HMAC key, at least 32 bytes, for Development tokens (/dev/token and tests); the AppHost
    /// generates one per run. Ignored outside Development.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The issuer of Development tokens.</summary>
    public string Issuer { get; set; } = "masswork";

    /// <summary>
    /// The region the deployment serves, e.g. "3607" (赣州市): platform-wide settings that name no city
    /// (SMS templates, petition categories, the holiday calendar) are changed only with a token whose
    /// region covers it. Unset, nobody changes them.
    /// </summary>
    public string? PlatformRegion { get; set; }

    /// <summary>The audience every MassWork token must name, Development or identity-issued.</summary>
    public string Audience { get; set; } = "masswork";
}
