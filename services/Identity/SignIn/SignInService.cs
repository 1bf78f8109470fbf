using System.Security.Cryptography;
using MassWork.Identity.Accounts;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace MassWork.Identity.SignIn;

/// <summary>The outcome of a second-factor step: the account when the code was right; whether the challenge can still be answered.</summary>
public sealed record SecondFactorResult(StaffAccount? Account, bool ChallengeOpen);

/// <summary>
/// The two steps of a staff sign-in. Every failure looks the same from outside — an unknown
/// account, a disabled or locked one, a wrong password — and costs the same password-hash work,
/// so neither the answer nor its timing tells whether an account exists.
/// </summary>
public sealed class SignInService(AccountsDbContext db, UserManager<StaffAccount> users, PersonalDataProtector protector, IOptions<IdentityServiceOptions> options, TimeProvider time)
{
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    private static readonly StaffAccount Decoy = new() { SubjectId = "", DisplayName = "", RegionPrefix = "" };
    private static readonly string DecoyHash = new PasswordHasher<StaffAccount>().HashPassword(Decoy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    /// <summary>The token of a new second-factor challenge when the password is right, else null.</summary>
    public async Task<string?> CheckPasswordAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var account = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (account is null || !account.CanSignIn || Lockout.IsLocked(account, now) || string.IsNullOrEmpty(password))
        {
            users.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash, password ?? "");
            return null;
        }

        if (!await users.CheckPasswordAsync(account, password))
        {
            Lockout.Failed(account, now, options.Value);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        var token = Base64UrlToken();
        db.SignInChallenges.Add(new SignInChallenge
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = Hash(token),
            AccountId = account.Id,
            Method = SecondFactor.Totp,
            CreatedAt = now,
            ExpiresAt = now + ChallengeLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Checks the code against the challenge's factor; a wrong code counts towards the account's lockout.</summary>
    public async Task<SecondFactorResult> CheckSecondFactorAsync(string? token, string? code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (challenge, account) = await OpenChallengeAsync(token, now, cancellationToken);
        if (challenge is null || account is null)
        {
            return new SecondFactorResult(null, false);
        }

        var step = challenge.Method switch
        {
            SecondFactor.Sms => challenge.SmsCodeHash is { } expected && code is { Length: 6 } && CryptographicOperations.FixedTimeEquals(expected, Hash(code)) ? 0 : (long?)null,
            _ => account.TotpSecretCipher is { } cipher ? TotpCodes.Verify(Base32Encoding.ToBytes(protector.Decrypt(cipher)), code?.Trim(), now, account.LastTotpStep) : null,
        };
        if (step is null)
        {
            challenge.Attempts++;
            Lockout.Failed(account, now, options.Value);
            await db.SaveChangesAsync(cancellationToken);
            return new SecondFactorResult(null, challenge.IsOpen(now) && !Lockout.IsLocked(account, now));
        }

        if (challenge.Method == SecondFactor.Totp)
        {
            account.LastTotpStep = step.Value;
        }

        challenge.CompletedAt = now;
        Lockout.Succeeded(account);
        await db.SaveChangesAsync(cancellationToken);
        return new SecondFactorResult(account, false);
    }

    /// <summary>The challenge behind the token and its account, if it can still be answered.</summary>
    public async Task<(SignInChallenge? Challenge, StaffAccount? Account)> OpenChallengeAsync(string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return (null, null);
        }

        var hash = Hash(token);
        var challenge = await db.SignInChallenges.SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
        if (challenge is null || !challenge.IsOpen(now))
        {
            return (null, null);
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == challenge.AccountId, cancellationToken);
        return account is not null && account.CanSignIn && !Lockout.IsLocked(account, now) ? (challenge, account) : (null, null);
    }

    public async Task<SecondFactor> MethodOfAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        return await db.SignInChallenges.Where(c => c.TokenHash == hash).Select(c => c.Method).FirstOrDefaultAsync(cancellationToken);
    }

    public static string Base64UrlToken() => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string value) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value));
}
