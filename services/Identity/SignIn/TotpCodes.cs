using OtpNet;

namespace MassWork.Identity.SignIn;

/// <summary>Authenticator-app codes (TOTP, RFC 6238: SHA-1, 6 digits, 30 s), as Google/Microsoft Authenticator and 微信/支付宝 mini-apps compute them.</summary>
public static class TotpCodes
{
    public const string IssuerName = "MassWork";

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    public static string Base32(byte[] secret) => Base32Encoding.ToString(secret);

    /// <summary>The otpauth:// URI an authenticator app scans (as a QR code) or takes pasted.</summary>
    public static string Uri(byte[] secret, string userName) =>
        $"otpauth://totp/{System.Uri.EscapeDataString($"{IssuerName}:{userName}")}?secret={Base32(secret)}&issuer={IssuerName}&digits=6&period=30";

    public static string Compute(byte[] secret, DateTimeOffset at) => new Totp(secret).ComputeTotp(at.UtcDateTime);

    /// <summary>
    /// The time step the code belongs to (one step of drift either side), or null. A step at or
    /// before <paramref name="lastStep"/> was used already: a code is good once.
    /// </summary>
    public static long? Verify(byte[] secret, string? code, DateTimeOffset now, long lastStep)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        return new Totp(secret).VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) && step > lastStep
            ? step
            : null;
    }
}
