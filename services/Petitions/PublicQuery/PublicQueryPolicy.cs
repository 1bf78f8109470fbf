namespace MassWork.Petitions.PublicQuery;

/// <summary>
/// The rules of the public case query (查询): a petitioner proves the case is theirs with a one-time
/// code sent to the phone it was registered with, then reads its progress for a while. The limits
/// make guessing worthless: a code dies after <see cref="MaxAttempts"/> wrong tries, and a case gets
/// at most <see cref="MaxCodesPerWindow"/> codes in <see cref="CodeWindow"/>, one a minute at most.
/// </summary>
public static class PublicQueryPolicy
{
    public const int CodeDigits = 6;

    public const int MaxAttempts = 5;

    public const int MaxCodesPerWindow = 5;

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan CodeWindow = TimeSpan.FromHours(24);

    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// What a petitioner may follow of the case: where it went and what was decided. Internal steps
    /// (objections, send-backs, 五定, supervision) are the offices' own business.
    /// </summary>
    public static readonly IReadOnlySet<string> PublicSteps = new HashSet<string>(StringComparer.Ordinal)
    {
        "Register", "Assign", "Reassign", "Accept", "NotAccept", "Start", "Escalate", "Sign", "ProgressCallBack", "Extend",
        "Answer", "ResolveByProject", "Revisit", "Rate", "RequestReview", "AnswerReview", "AnswerReReview",
    };

    /// <summary>Whether another code may go to the case's phone, given when the earlier ones in the window went.</summary>
    public static bool MayIssue(IReadOnlyCollection<DateTimeOffset> issuedInWindow, DateTimeOffset now) =>
        issuedInWindow.Count(at => at > now - CodeWindow) < MaxCodesPerWindow
        && !issuedInWindow.Any(at => at > now - ResendAfter);
}
