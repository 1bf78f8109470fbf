using System.Security.Cryptography;

namespace MassWork.Blobs;

/// <summary>The content address of a blob: SHA-256 as 64 lower-case hex digits.</summary>
public static class ContentHash
{
    public const int Length = 64;

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(IncrementalHash sha) => Convert.ToHexStringLower(sha.GetHashAndReset());

    /// <summary>Also keeps a hash from ever naming a path outside the store's folder.</summary>
    public static string Require(string sha256) =>
        sha256.Length == Length && sha256.All(char.IsAsciiHexDigitLower)
            ? sha256
            : throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
}
