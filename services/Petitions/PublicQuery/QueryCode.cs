namespace MassWork.Petitions.PublicQuery;

/// <summary>
/// A one-time code sent to a case's registered phone. Only its hash is kept, and the keyed hash of
/// the phone it was asked with; it opens one query session, before it expires and within
/// <see cref="PublicQueryPolicy.MaxAttempts"/> tries. Only a try naming that phone counts: someone
/// who knows the case number alone cannot use up the petitioner's tries.
/// </summary>
public sealed class QueryCode
{
    private QueryCode()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public byte[] CodeHash { get; private set; } = [];

    public byte[] PhoneHash { get; private set; } = [];

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static QueryCode Issue(Guid id, Guid caseId, byte[] codeHash, byte[] phoneHash, DateTimeOffset now) => new()
    {
        Id = id, CaseId = caseId, CodeHash = codeHash, PhoneHash = phoneHash, IssuedAt = now, ExpiresAt = now + PublicQueryPolicy.CodeLifetime,
    };

    public bool IsOpen(DateTimeOffset now) => UsedAt is null && now < ExpiresAt && FailedAttempts < PublicQueryPolicy.MaxAttempts;

    /// <summary>
    /// Spends the code if <paramref name="hash"/> is its own and the try names the phone it went to;
    /// a wrong code with that phone uses up one of its tries, a try with another phone none.
    /// </summary>
    public bool TryRedeem(byte[] phoneHash, byte[] hash, DateTimeOffset now)
    {
        if (!IsOpen(now) || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(phoneHash, PhoneHash))
        {
            return false;
        }

        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(hash, CodeHash))
        {
            FailedAttempts++;
            return false;
        }

        UsedAt = now;
        return true;
    }
}

/// <summary>A petitioner's proven right to read one case, for <see cref="PublicQueryPolicy.SessionLifetime"/>; the token's hash is its key.</summary>
public sealed class QuerySession
{
    public required byte[] TokenHash { get; init; }

    public Guid CaseId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
