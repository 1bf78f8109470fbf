namespace MassWork.ServiceDefaults.Auth;

/// <summary>Whether a token is within its lifetime at <c>now</c>, allowing the clock skew either side.</summary>
public static class TokenLifetime
{
    public static bool IsValid(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan skew) =>
        expires is { } e
        && now.UtcDateTime <= e.ToUniversalTime() + skew
        && (notBefore is not { } nb || now.UtcDateTime >= nb.ToUniversalTime() - skew);
}
