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

    /// <summary>
    /// The account of a cadre known so far only by id. A cadre's events come in any order (each has
    /// its own queue), so whichever comes first makes the account and the others fill it in.
    /// </summary>
    public static StaffAccount ForCadre(Guid cadreId, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new StaffAccount
        {
            Id = id,
            SubjectId = id.ToString(),
            DisplayName = "",
            CadreId = cadreId,
            RegionPrefix = "",
            Status = AccountStatus.Invitable,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
        };
    }

    /// <summary>The registration names who other services know the cadre as; until it comes, the account's own id stands in.</summary>
    public void RegisteredAs(string? userId)
    {
        if (!string.IsNullOrEmpty(userId))
        {
            SubjectId = userId;
        }
    }

    /// <summary>
    /// The register's entry as of <paramref name="at"/>: name and region, and an older entry arriving
    /// late changes nothing. The status is not the register's to set: a retired cadre's account stays disabled.
    /// </summary>
    public void FollowCadre(string name, string regionCode, DateTimeOffset at)
    {
        if (CadreUpdatedAt >= at)
        {
            return;
        }

        DisplayName = name;
        RegionPrefix = RegionPrefixes.Of(regionCode);
        CadreUpdatedAt = at;
    }
}
