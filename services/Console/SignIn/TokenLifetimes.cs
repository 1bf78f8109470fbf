namespace MassWork.Console.SignIn;

/// <summary>An identity token is valid from its not-before to its expiry, each widened by the allowed clock skew.</summary>
public static class TokenLifetimes
{
    public static bool Valid(DateTime? notBefore, DateTime? expires, TimeSpan skew, DateTimeOffset now) =>
        expires is { } end
        && now.UtcDateTime <= end.ToUniversalTime() + skew
        && (notBefore is not { } start || now.UtcDateTime >= start.ToUniversalTime() - skew);
}
