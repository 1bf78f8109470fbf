namespace MassWork.Identity.Accounts;

/// <summary>A staff account without a cadre record (an operator, a county department handler).</summary>
public sealed record CreateAccountRequest(string? UserName, string? DisplayName, string? Role, string? Region);

/// <summary>Opens an account for activation: its login name and role; region defaults to the account's own.</summary>
public sealed record InviteRequest(string? UserName, string? Role, string? Region);

public sealed record DisableRequest(string? Reason);

public sealed record AccountResponse(
    Guid Id, string? UserName, string DisplayName, string SubjectId, Guid? CadreId, string? Role, string Region, string Status,
    bool Locked, DateTimeOffset CreatedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? DisabledAt, string? DisabledReason);

public sealed record AccountPage(IReadOnlyList<AccountResponse> Items, int Total);

/// <summary>The invitation code, shown this once: give it to the staff member, who activates the account at ActivationUrl.</summary>
public sealed record InvitationResponse(Guid AccountId, string UserName, string InvitationCode, DateTimeOffset ExpiresAt, string ActivationUrl);
