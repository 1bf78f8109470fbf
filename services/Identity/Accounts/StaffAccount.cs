using Microsoft.AspNetCore.Identity;

namespace MassWork.Identity.Accounts;

public enum AccountStatus
{
    /// <summary>Known from personnel's cadre register; nobody can sign in until an operator invites it.</summary>
    Invitable,

    /// <summary>An invitation code was issued; the staff member sets a password and an authenticator with it.</summary>
    Invited,

    /// <summary>Password and second factor set: the account signs in.</summary>
    Active,

    /// <summary>The cadre left or an operator disabled it: no sign-in, its sessions revoked.</summary>
    Disabled,
}

/// <summary>
/// A staff member's login: ASP.NET Core Identity's user (password hash, lockout, security stamp)
/// plus what MassWork tokens carry — the subject other services know the person by, one role and
/// the region scope — and the cadre it stands for, if any.
/// </summary>
public sealed class StaffAccount : IdentityUser<Guid>
{
    /// <summary>The token's <c>sub</c>: the cadre register's user id when it has one, else the account id.</summary>
    public required string SubjectId { get; set; }

    public required string DisplayName { get; set; }

    public Guid? CadreId { get; init; }

    /// <summary>One of <see cref="MassWork.ServiceDefaults.Auth.Roles"/>; null until an operator invites the account.</summary>
    public string? Role { get; set; }

    /// <summary>Division code prefix the account acts in (行政区划代码前缀).</summary>
    public required string RegionPrefix { get; set; }

    public AccountStatus Status { get; set; }

    /// <summary>SHA-256 of the invitation code: a leaked database does not reveal a usable code.</summary>
    public byte[]? InvitationHash { get; set; }

    public DateTimeOffset? InvitationExpiresAt { get; set; }

    /// <summary>The authenticator's shared secret, encrypted with the personal-data key.</summary>
    public byte[]? TotpSecretCipher { get; set; }

    /// <summary>The last TOTP time step accepted: a code is good once, even within its 30 seconds.</summary>
    public long LastTotpStep { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public string? DisabledReason { get; set; }

    /// <summary>When the cadre record behind it last changed; older events are ignored.</summary>
    public DateTimeOffset? CadreUpdatedAt { get; set; }

    public bool CanSignIn => Status == AccountStatus.Active && Role is not null;
}
