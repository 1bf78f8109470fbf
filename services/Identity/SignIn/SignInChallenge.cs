namespace MassWork.Identity.SignIn;

public enum SecondFactor
{
    /// <summary>A code from the staff member's authenticator app (TOTP, RFC 6238).</summary>
    Totp,

    /// <summary>A one-time code sent by SMS to the cadre's registered phone.</summary>
    Sms,
}

/// <summary>
/// A password that was right, waiting for its second factor: the sign-in page carries the token
/// whose hash is kept here, so the second step needs no cookie and works on any replica.
/// </summary>
public sealed class SignInChallenge
{
    public const int MaxAttempts = 5;

    public Guid Id { get; init; }

    public required byte[] TokenHash { get; init; }

    public Guid AccountId { get; init; }

    public SecondFactor Method { get; set; }

    /// <summary>SHA-256 of the SMS code while one is outstanding.</summary>
    public byte[]? SmsCodeHash { get; set; }

    public int SmsSends { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsOpen(DateTimeOffset now) => CompletedAt is null && now < ExpiresAt && Attempts < MaxAttempts;
}
