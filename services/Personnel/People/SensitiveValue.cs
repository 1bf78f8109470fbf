namespace MassWork.Personnel.People;

/// <summary>How an ID number or phone is stored: ciphertext, lookup hash and the masked form shown in lists.</summary>
public sealed record SensitiveValue(byte[] Cipher, byte[] Hash, string Masked)
{
    public static SensitiveValue IdNumber(PersonalDataProtector protector, string normalized) =>
        new(protector.Encrypt(normalized), protector.Hash(normalized), IdCardNumber.Mask(normalized));

    public static SensitiveValue Phone(PersonalDataProtector protector, string normalized) =>
        new(protector.Encrypt(normalized), protector.Hash(normalized), PhoneNumber.Mask(normalized));
}
