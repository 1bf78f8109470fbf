namespace MassWork.Contracts.Petitions.V1;

/// <summary>
/// A petitioner asked to query their case (查询) with the phone it was registered with: the
/// notifications service sends the one-time code at once (urgent) to that phone. Phone and code
/// travel encrypted with the platform's personal-data key (base64 of the ciphertext), so no outbox
/// or broker holds them readable; a code that expired before it could go is dropped.
/// </summary>
public sealed record CaseQueryCodeRequested(
    Guid CodeId,
    Guid CaseId,
    string RegionCode,
    string PhoneCipher,
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
