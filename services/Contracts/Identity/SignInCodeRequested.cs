namespace MassWork.Contracts.Identity.V1;

/// <summary>
/// A staff member asked for a sign-in code by SMS (短信验证码). The notifications service sends it at
/// once, as an urgent message, to the phone of the cadre the account stands for. The code travels
/// encrypted with the platform's personal-data key (base64 of its ciphertext), so no outbox or
/// broker holds it readable; it is good for one sign-in until ExpiresAt.
/// </summary>
public sealed record SignInCodeRequested(
    Guid ChallengeId,
    int Attempt,
    Guid CadreId,
    string RegionCode,
    string CodeCipher,
    DateTimeOffset ExpiresAt,
    DateTimeOffset RequestedAt);
