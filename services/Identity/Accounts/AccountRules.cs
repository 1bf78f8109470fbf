using System.Security.Cryptography;

namespace MassWork.Identity.Accounts;

/// <summary>The rules an account's fields follow, and the invitation codes that open an account.</summary>
public static class AccountRules
{
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
    public const int MinPasswordLength = 10;

    public static string? UserNameError(string? userName) =>
        userName is null || userName.Length is < 3 or > 40 || userName.Any(c => !UserNameCharacters.Contains(c))
            ? "3 to 40 characters: lower-case letters, digits, '.', '_' or '-'."
            : null;

    public static string? RoleError(string? role) =>
        role is null || !Roles.All.Contains(role) ? $"One of: {string.Join(", ", Roles.All)}." : null;

    /// <summary>
    /// The three administrators (三员) are granted only by a security administrator, so no operator or
    /// system administrator makes themselves one: 403 detail, or null.
    /// </summary>
    public static string? GrantError(Caller caller, string role) =>
        Roles.Administrators.Contains(role) && !caller.IsInRole(Roles.SecurityAdmin)
            ? $"Only a {Roles.SecurityAdmin} grants the role {role}."
            : null;

    /// <summary>A new invitation code (shown once to the operator) and the hash kept in its place.</summary>
    public static (string Code, byte[] Hash) NewInvitation()
    {
        // 20 characters of an alphabet without look-alikes (0/O, 1/I/L): typed from a printed letter if need be.
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var code = string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
        return (code, InvitationHash(code));
    }

    public static byte[] InvitationHash(string code) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()));
}
