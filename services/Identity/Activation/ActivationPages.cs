using MassWork.Identity.Accounts;
using MassWork.Identity.Pages;
using MassWork.Identity.SignIn;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace MassWork.Identity.Activation;

/// <summary>
/// Account activation (账号激活): with the invitation code an operator gave them, staff choose a
/// password, add the account to an authenticator app and prove it with a first code. Only then can
/// the account sign in. Until then the invitation code is the only way in, and it expires.
/// </summary>
public static class ActivationPages
{
    public const string Path = "/account/activate";
    private const string InvitationField = "invitation";
    private const string PasswordField = "password";
    private const string ConfirmField = "confirm";
    private const string CodeField = "code";
    private const string InvitationFailed = "邀请码无效或已过期，请联系管理员重新发放。";

    public static IEndpointRouteBuilder MapActivationPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, () => PasswordPage(null, null)).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost(Path, ActivateAsync).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ActivateAsync(
        HttpContext http, AccountsDbContext db, UserManager<StaffAccount> users, PersonalDataProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return PasswordPage(null, null);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var invitation = form[InvitationField].ToString().Trim();
        var now = time.GetUtcNow();
        var account = await InvitedAsync(db, invitation, now, cancellationToken);
        if (account is null)
        {
            return PasswordPage(null, InvitationFailed, StatusCodes.Status400BadRequest);
        }

        if (form.ContainsKey(CodeField))
        {
            return await ConfirmAsync(db, account, invitation, form[CodeField], protector, now, cancellationToken);
        }

        string password = form[PasswordField].ToString();
        if (password != form[ConfirmField].ToString())
        {
            return PasswordPage(invitation, "两次输入的密码不一致。", StatusCodes.Status400BadRequest);
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account, password);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return PasswordPage(invitation, string.Join(" ", errors), StatusCodes.Status400BadRequest);
        }

        // The password and a new authenticator secret are kept now; the account opens only once a code proves the authenticator.
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        var secret = TotpCodes.NewSecret();
        account.TotpSecretCipher = protector.Encrypt(TotpCodes.Base32(secret));
        await db.SaveChangesAsync(cancellationToken);
        return AuthenticatorPage(account, invitation, secret, null);
    }

    private static async Task<IResult> ConfirmAsync(
        AccountsDbContext db, StaffAccount account, string invitation, string? code, PersonalDataProtector protector, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (account.TotpSecretCipher is null || account.PasswordHash is null)
        {
            return PasswordPage(invitation, null);
        }

        var secret = Base32Encoding.ToBytes(protector.Decrypt(account.TotpSecretCipher));
        if (TotpCodes.Verify(secret, code?.Trim(), now, account.LastTotpStep) is not { } step)
        {
            return AuthenticatorPage(account, invitation, secret, "验证码不正确，请核对手机时间后输入当前显示的6位数字。", StatusCodes.Status400BadRequest);
        }

        account.LastTotpStep = step;
        account.Status = AccountStatus.Active;
        account.ActivatedAt = now;
        account.InvitationHash = null;
        account.InvitationExpiresAt = null;
        Lockout.Succeeded(account);
        await db.SaveChangesAsync(cancellationToken);
        return HtmlPage.Render("账号已激活", $"""
            <p>账号 <strong>{HtmlPage.Encode(account.UserName)}</strong> 已激活。今后登录时请输入密码和身份验证器中的验证码。</p>
            """);
    }

    private static async Task<StaffAccount?> InvitedAsync(AccountsDbContext db, string invitation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (invitation.Length is 0 or > 40)
        {
            return null;
        }

        var hash = AccountRules.InvitationHash(invitation);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.InvitationHash == hash, cancellationToken);
        return account is { Status: AccountStatus.Invited } && account.InvitationExpiresAt > now ? account : null;
    }

    private static IResult PasswordPage(string? invitation, string? error, int statusCode = StatusCodes.Status200OK) =>
        HtmlPage.Render("激活账号", $"""
            {HtmlPage.Error(error)}
            <form method="post" action="{Path}" autocomplete="off">
            <label for="invitation">邀请码</label><input type="text" id="invitation" name="{InvitationField}" value="{HtmlPage.Encode(invitation)}" required>
            <label for="password">设置密码</label><input type="password" id="password" name="{PasswordField}" required>
            <label for="confirm">再次输入密码</label><input type="password" id="confirm" name="{ConfirmField}" required>
            <p class="note">密码至少{AccountRules.MinPasswordLength}位，须包含大写字母、小写字母和数字，不能包含账号名。</p>
            <button type="submit">下一步</button>
            </form>
            """, statusCode);

    private static IResult AuthenticatorPage(StaffAccount account, string invitation, byte[] secret, string? error, int statusCode = StatusCodes.Status200OK) =>
        HtmlPage.Render("绑定身份验证器", $"""
            {HtmlPage.Error(error)}
            <p>账号：<strong>{HtmlPage.Encode(account.UserName)}</strong></p>
            <p class="note">在手机的身份验证器（如 Microsoft Authenticator、Google Authenticator 或支持 TOTP 的小程序）中添加账号，输入以下密钥：</p>
            <p><code id="secret">{TotpCodes.Base32(secret)}</code></p>
            <p class="note">或打开链接：<code id="otpauth">{HtmlPage.Encode(TotpCodes.Uri(secret, account.UserName!))}</code></p>
            <form method="post" action="{Path}" autocomplete="off">
            <input type="hidden" name="{InvitationField}" value="{HtmlPage.Encode(invitation)}">
            <label for="code">验证器显示的6位验证码</label><input type="text" id="code" name="{CodeField}" inputmode="numeric" maxlength="6" required autofocus>
            <button type="submit">完成激活</button>
            </form>
            """, statusCode);
}
