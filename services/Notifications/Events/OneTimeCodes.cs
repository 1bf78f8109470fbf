namespace MassWork.Notifications.Events;

/// <summary>
/// What the one-time code notices (sign-in 登录验证码, case query 查询验证码) share: a code that
/// expired before it could go is not sent, and the SMS says how long the code lasts as its issuer
/// decided, so the text cannot drift from the rule.
/// </summary>
public static class OneTimeCodes
{
    public static bool ExpiredBeforeSending(DateTimeOffset now, DateTimeOffset expiresAt) => now >= expiresAt;

    /// <summary>The template's values: <c>code</c>, and <c>minutes</c> it is good for from its request (rounded).</summary>
    public static Dictionary<string, string> Values(string code, DateTimeOffset requestedAt, DateTimeOffset expiresAt) => new()
    {
        ["code"] = code,
        ["minutes"] = Math.Max(1, (int)Math.Round((expiresAt - requestedAt).TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
