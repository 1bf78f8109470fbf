using System.Security.Cryptography;
using MassWork.Contracts.Identity.V1;

namespace MassWork.Identity.SignIn;

public enum SmsCodeOutcome
{
    Sent,

    /// <summary>The account stands for no cadre, so there is no registered phone to send to.</summary>
    NoPhone,

    /// <summary>Sent too often for this challenge.</summary>
    TooMany,

    ChallengeClosed,
}

/// <summary>
/// Switches a challenge to an SMS code: a fresh 6-digit code, its hash kept, the code itself sent
/// through the notifications service (an event in the same transaction, so it goes exactly when
/// the challenge changed). A challenge sends at most <see cref="MaxSends"/> codes.
/// </summary>
public sealed class SecondFactorSms(AccountsDbContext db, SignInService signIn, PersonalDataProtector protector, TimeProvider time)
{
    public const int MaxSends = 3;

    public async Task<SmsCodeOutcome> SendAsync(string? token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (challenge, account) = await signIn.OpenChallengeAsync(token, now, cancellationToken);
        if (challenge is null || account is null)
        {
            return SmsCodeOutcome.ChallengeClosed;
        }

        if (account.CadreId is not { } cadreId)
        {
            return SmsCodeOutcome.NoPhone;
        }

        if (challenge.SmsSends >= MaxSends)
        {
            return SmsCodeOutcome.TooMany;
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        challenge.Method = SecondFactor.Sms;
        challenge.SmsCodeHash = SignInService.Hash(code);
        challenge.SmsSends++;
        db.RaiseIntegrationEvent(
            new SignInCodeRequested(challenge.Id, challenge.SmsSends, cadreId, account.RegionPrefix, Convert.ToBase64String(protector.Encrypt(code)), challenge.ExpiresAt, now),
            account.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return SmsCodeOutcome.Sent;
    }
}
