using MassWork.Identity.Pages;

namespace MassWork.Identity.SignIn;

/// <summary>
/// The sign-in pages. Each form posts back to the authorization endpoint with the client's
/// request carried in hidden fields, so OpenIddict validates it again at every step.
/// </summary>
public static class SignInPages
{
    public const string Step = "step";
    public const string PasswordStep = "password";
    public const string CodeStep = "code";
    public const string SmsStep = "sms";
    public const string UserNameField = "username";
    public const string PasswordField = "password";
    public const string ChallengeField = "challenge";
    public const string CodeField = "code";

    /// <summary>The one message for every failed first step: nothing tells whether the account exists.</summary>
    public const string PasswordFailed = "账号或密码不正确。连续多次输错后账号将被暂时锁定，请稍后再试或联系管理员。";

    public const string CodeFailed = "验证码不正确或已使用，请重新输入。";

    public const string NoPhone = "该账号未登记手机号码，请使用身份验证器中的验证码。";

    public const string TooManySms = "短信验证码发送次数过多，请使用已收到的验证码或重新登录。";

    public const string ChallengeExpired = "验证已超时或失败次数过多，请重新登录。";

    private static readonly HashSet<string> OwnFields = [Step, UserNameField, PasswordField, ChallengeField, CodeField];

    public static IResult Password(OpenIddictRequest request, string? userName = null, string? error = null, int statusCode = StatusCodes.Status200OK) =>
        HtmlPage.Render("工作人员登录", $"""
            {HtmlPage.Error(error)}
            <form method="post" action="/connect/authorize" autocomplete="off">
            {HtmlPage.Hidden(Carried(request))}<input type="hidden" name="{Step}" value="{PasswordStep}">
            <label for="username">账号</label><input type="text" id="username" name="{UserNameField}" value="{HtmlPage.Encode(userName)}" required autofocus>
            <label for="password">密码</label><input type="password" id="password" name="{PasswordField}" required>
            <button type="submit">下一步</button>
            </form>
            <p class="note">首次登录请使用管理员发给您的邀请码<a href="/account/activate">激活账号</a>。</p>
            """, statusCode);

    public static IResult Code(OpenIddictRequest request, string challenge, SecondFactor method, string? error = null, int statusCode = StatusCodes.Status200OK) =>
        HtmlPage.Render("输入验证码", $"""
            {HtmlPage.Error(error)}
            <p class="note">{(method == SecondFactor.Sms ? "验证码已通过短信发送到您登记的手机，5分钟内有效。" : "请输入身份验证器（Authenticator）中显示的6位数字。")}</p>
            <form method="post" action="/connect/authorize" autocomplete="off">
            {HtmlPage.Hidden(Carried(request))}<input type="hidden" name="{ChallengeField}" value="{HtmlPage.Encode(challenge)}">
            <label for="code">验证码</label><input type="text" id="code" name="{CodeField}" inputmode="numeric" maxlength="6" required autofocus>
            <button type="submit" name="{Step}" value="{CodeStep}">登录</button>
            </form>
            <form method="post" action="/connect/authorize">
            {HtmlPage.Hidden(Carried(request))}<input type="hidden" name="{ChallengeField}" value="{HtmlPage.Encode(challenge)}">
            <button type="submit" class="secondary" name="{Step}" value="{SmsStep}">改用短信验证码</button>
            </form>
            """, statusCode);

    /// <summary>The client's authorization request parameters, without the pages' own fields.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Carried(OpenIddictRequest request) =>
        request.GetParameters()
            .Where(p => !OwnFields.Contains(p.Key) && (string?)p.Value is { } v && v.Length > 0)
            .Select(p => KeyValuePair.Create(p.Key, (string)p.Value!));
}
