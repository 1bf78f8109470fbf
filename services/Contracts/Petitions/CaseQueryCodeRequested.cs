namespace MassWork.Contracts.Petitions.V1;

/// <summary>
/// Someone asked, on the public query page (查询), for a code to case <see cref="CaseNumber"/> with a
/// phone (its keyed hash, base64; never the number). The petitions service matches it against the
/// case out of the request's way, so the page answers alike, and as fast, whether or not it matches.
/// </summary>
public sealed record CaseQueryAsked(Guid RequestId, string CaseNumber, string PhoneHash, DateTimeOffset AskedAt);

/// <summary>
/// A petitioner asked to query their case (查询) with the phone it was registered with: the
/// notifications service sends the one-time code at once (urgent) to that phone. Phone and code
/// travel encrypted with the platform's personal-data key (base64 of the ciphertext), so no outbox
/// or broker holds them readable; a code that expired before it could go is dropped. A case a
/// household raised without a phone of its own has no <see cref="PhoneCipher"/>: its notices went
/// to the household's phones, and the code goes to the member whose phone hashes to
/// <see cref="AskedPhoneHash"/>, or nowhere.
/// </summary>
public sealed record CaseQueryCodeRequested(
    Guid CodeId,
    Guid CaseId,
    string RegionCode,
    string? PhoneCipher,
    Guid? HouseholdId,
    string AskedPhoneHash,
    string CodeCipher,
    DateTimeOffset ExpiresAt,
    DateTimeOffset RequestedAt);

/// <summary>Where the public query page (查询) lives, for the links in the notices sent to petitioners.</summary>
public static class CaseQueryLink
{
    public const string PagePath = "/q";

    /// <summary>The page with the case number filled in: <c>https://…/q/GZ…</c>.</summary>
    public static string For(string publicBaseUrl, string caseNumber) =>
        $"{publicBaseUrl.TrimEnd('/')}{PagePath}/{Uri.EscapeDataString(caseNumber)}";
}
