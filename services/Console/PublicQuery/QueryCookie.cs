namespace MassWork.Console.PublicQuery;

/// <summary>
/// The petitioner's query session, kept in a cookie only the browser's requests to the query pages
/// carry (HttpOnly, SameSite=Strict, path /q), for as long as the service keeps the session.
/// </summary>
public static class QueryCookie
{
    public const string Name = "masswork-query";

    public const string TokenHeader = "X-Query-Token";

    /// <summary>Kept for the session's time left: a max-age, as the browser judges dates on its own clock, not the platform's.</summary>
    public static void Set(HttpContext http, QuerySessionOpened session, TimeProvider clock) =>
        http.Response.Cookies.Append(Name, session.Token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/q", Secure = http.Request.IsHttps, MaxAge = session.ExpiresAt - clock.GetUtcNow(),
        });

    /// <summary>The session token, if the cookie holds one as the service makes them (base64url); anything else is no session.</summary>
    public static string? Read(HttpContext http) =>
        http.Request.Cookies[Name] is { Length: > 0 and <= 100 } token && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? token : null;

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/q" });
}
