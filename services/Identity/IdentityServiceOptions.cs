using System.ComponentModel.DataAnnotations;

namespace MassWork.Identity;

/// <summary>The identity service's settings (section "Identity").</summary>
public sealed class IdentityServiceOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The public address tokens name as their issuer (the gateway's, e.g. https://masswork.example.gov.cn/):
    /// discovery, sign-in and token endpoints are reached there.
    /// </summary>
    [Required]
    public Uri? Issuer { get; set; }

    /// <summary>RSA private key (PEM) that signs tokens; services check signatures with its public half from /.well-known/jwks.</summary>
    [Required]
    public string? SigningKey { get; set; }

    /// <summary>Base64 AES key (32 bytes) that encrypts authorization codes and refresh tokens (access tokens stay readable JWTs).</summary>
    [Required]
    public string? EncryptionKey { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A session not refreshed within this ends (each refresh token lives this long).</summary>
    public TimeSpan SessionIdleLimit { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in however active it is; the staff member signs in again.</summary>
    public TimeSpan SessionAbsoluteLimit { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Failed passwords or codes in a row that lock an account, and for how long.</summary>
    [Range(3, 20)]
    public int LockoutFailures { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where the web console receives its authorization code; defaults to {Issuer}console/signed-in.</summary>
    public List<Uri> ConsoleRedirectUris { get; set; } = [];

    /// <summary>Systems that integrate through the client credentials flow (a county's case system, the 12345 hotline).</summary>
    public List<IntegrationClient> Clients { get; set; } = [];

    /// <summary>The first operator of a new installation, who invites everyone else; used while no operator account exists.</summary>
    public FirstOperator? FirstOperator { get; set; }
}

/// <summary>
/// The first operator's login name, region and an invitation code the installer chooses (at least
/// 20 characters, kept as a secret): it activates the account at /account/activate like any invitation.
/// </summary>
public sealed class FirstOperator
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "平台运维";

    public string Region { get; set; } = "";

    public string InvitationCode { get; set; } = "";
}

/// <summary>An integrating system: its credentials and what its tokens may do (one role, one region scope).</summary>
public sealed class IntegrationClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string? DisplayName { get; set; }

    public string Role { get; set; } = "";

    public string Region { get; set; } = "";
}
