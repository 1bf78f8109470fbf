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

    /// <summary>
    /// Where a code for the case may go when asked for with a phone whose keyed hash is <paramref name="asked"/>
    /// (all hashes base64): to the petitioner's phone if the case has one and it is the one asked with;
    /// for a household's matter registered without a phone of its own (its notices went to the
    /// household's phones), to the member with that phone; otherwise, as for an accusation without
    /// the accuser's own phone, nowhere.
    /// </summary>
    public static CodeRoute RouteFor(string? petitionerPhone, IReadOnlyCollection<string>? householdPhones, bool accusation, string asked) =>
        petitionerPhone is not null
            ? petitionerPhone == asked ? CodeRoute.Petitioner : CodeRoute.None
            : !accusation && householdPhones?.Contains(asked) == true ? CodeRoute.Household : CodeRoute.None;

    /// <summary>Whether another code may go to the case's phone, given when the earlier ones in the window went.</summary>
    public static bool MayIssue(IReadOnlyCollection<DateTimeOffset> issuedInWindow, DateTimeOffset now) =>
        issuedInWindow.Count(at => at > now - CodeWindow) < MaxCodesPerWindow
        && !issuedInWindow.Any(at => at > now - ResendAfter);
}

public enum CodeRoute
{
    None,

    Petitioner,

    Household,
}
