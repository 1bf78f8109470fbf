namespace MassWork.Identity.Tokens;

/// <summary>
/// A session is the chain of refresh tokens from one sign-in. It ends when it is not refreshed for
/// the idle limit (each refresh token lives that long) or, however active, at the absolute limit
/// after sign-in (the last refresh token is cut to end there).
/// </summary>
public static class SessionLimits
{
    public static bool HasEnded(DateTimeOffset? sessionStart, DateTimeOffset now, IdentityServiceOptions options) =>
        sessionStart is not { } start || now >= start + options.SessionAbsoluteLimit;

    public static TimeSpan RefreshLifetime(DateTimeOffset sessionStart, DateTimeOffset now, IdentityServiceOptions options)
    {
        var remaining = sessionStart + options.SessionAbsoluteLimit - now;
        return remaining < options.SessionIdleLimit ? remaining : options.SessionIdleLimit;
    }
}
