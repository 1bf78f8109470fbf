using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MassWork.ServiceDefaults.Security;

/// <summary>
/// Encrypts personal data for storage (PIPL, GB/T 35273) and computes the keyed hash that an
/// exact lookup compares. Ciphertext layout: version (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class PersonalDataProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    // AesGcm and HMAC instances are not thread-safe and costly to set up (key schedule); bulk imports
    // encrypt millions of values, so each thread keeps its own.
    private readonly ThreadLocal<ThreadState> _state;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        _encryptionKey = Key(options.Value.EncryptionKey, nameof(PersonalDataOptions.EncryptionKey));
        _hashKey = Key(options.Value.HashKey, nameof(PersonalDataOptions.HashKey));
        _state = new ThreadLocal<ThreadState>(() => new ThreadState(_encryptionKey, _hashKey));
    }

    public byte[] Encrypt(string value)
    {
        // Stack space for the plain text: bulk imports encrypt millions of short values.
        Span<byte> buffer = stackalloc byte[256];
        var plain = Encoding.UTF8.GetMaxByteCount(value.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(value, buffer)] : Encoding.UTF8.GetBytes(value);
        var output = new byte[1 + NonceSize + TagSize + plain.Length];
        output[0] = Version;
        var state = _state.Value!;
        var nonce = output.AsSpan(1, NonceSize);
        state.NextNonce(nonce);
        state.Aes.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize));
        return output;
    }

    public string Decrypt(byte[] stored)
    {
        if (stored.Length < 1 + NonceSize + TagSize || stored[0] != Version)
        {
            throw new CryptographicException("Unknown personal data format.");
        }

        var plain = new byte[stored.Length - 1 - NonceSize - TagSize];
        _state.Value!.Aes.Decrypt(stored.AsSpan(1, NonceSize), stored.AsSpan(1 + NonceSize + TagSize), stored.AsSpan(1 + NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Deterministic keyed hash of a normalised value; equal inputs give equal hashes.</summary>
    public byte[] Hash(string value)
    {
        var hmac = _state.Value!.Hmac;
        Span<byte> buffer = stackalloc byte[256];
        hmac.AppendData(Encoding.UTF8.GetMaxByteCount(value.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(value, buffer)] : Encoding.UTF8.GetBytes(value));
        return hmac.GetHashAndReset();
    }

    /// <summary>
    /// The keyed hash a phone is matched by, whatever way it was written (spaces, +86): every
    /// service that stores or looks up a phone's hash goes through here, so their hashes agree.
    /// </summary>
    public byte[] PhoneHash(string phone) => Hash(PhoneNumber.Normalize(phone));

    private static byte[] Key(string? base64, string name)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{PersonalDataOptions.Section}:{name} is not base64.");
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"{PersonalDataOptions.Section}:{name} must be 32 bytes (base64); set it in configuration.");
    }

    private sealed class ThreadState(byte[] encryptionKey, byte[] hashKey)
    {
        // GCM nonces must never repeat under one key: a random 64-bit prefix per thread instance and a
        // 32-bit counter (NIST SP 800-38D deterministic construction), renewed before the counter wraps.
        private readonly byte[] _prefix = RandomNumberGenerator.GetBytes(8);
        private uint _counter;

        public AesGcm Aes { get; } = new(encryptionKey, TagSize);

        public IncrementalHash Hmac { get; } = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, hashKey);

        public void NextNonce(Span<byte> nonce)
        {
            if (_counter == uint.MaxValue)
            {
                RandomNumberGenerator.Fill(_prefix);
                _counter = 0;
            }

            _prefix.CopyTo(nonce);
            BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], ++_counter);
        }
    }
}
