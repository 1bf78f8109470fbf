using System.Security.Cryptography;
using MassWork.Personnel.People;
using MassWork.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace MassWork.UnitTests.Personnel;

public sealed class PeopleTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("440524198001010013")]
    [InlineData("360702198003151234")]
    public void Valid_ID_numbers_pass(string id) => Assert.Null(IdCardNumber.Validate(id, Today));

    [Theory]
    [InlineData("110105194912310021", "check digit")]
    [InlineData("360702198003151238", "check digit")]
    [InlineData("36070219800315123", "18")]
    [InlineData("3607021980031512A8", "digits")]
    [InlineData("360702198002301238", "birth date")]
    [InlineData("360702203001011238", "birth date")]
    public void Invalid_ID_numbers_say_why(string id, string reason) =>
        Assert.Contains(reason, IdCardNumber.Validate(id, Today));

    [Fact]
    public void The_check_digit_follows_ISO_7064_MOD_11_2()
    {
        Assert.Equal('X', IdCardNumber.CheckDigit("11010519491231002"));
        Assert.Equal('4', IdCardNumber.CheckDigit("36070219800315123"));
    }

    [Fact]
    public void ID_numbers_are_masked_to_region_and_last_four() =>
        Assert.Equal("3607**********1234", IdCardNumber.Mask("360702198003151234"));

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("0797-8123456", "07978123456")]
    public void Phones_are_normalised(string input, string expected) => Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("19912345678", true)]
    [InlineData("07978123456", true)]
    [InlineData("12800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("00978123456", false)]
    public void Phones_are_mainland_mobiles_or_landlines(string phone, bool valid) => Assert.Equal(valid, PhoneNumber.Validate(phone) is null);

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("07978123456", "0797***3456")]
    public void Phones_are_masked(string phone, string masked) => Assert.Equal(masked, PhoneNumber.Mask(phone));

    [Fact]
    public void Personal_data_round_trips_encrypted_and_hashes_deterministically()
    {
        var protector = Protector();

        var first = protector.Encrypt("360702198003151238");
        var second = protector.Encrypt("360702198003151238");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("360702", System.Text.Encoding.UTF8.GetString(first));
        Assert.Equal("360702198003151238", protector.Decrypt(second));
        Assert.Equal(protector.Hash("13800138000"), protector.Hash("13800138000"));
        Assert.NotEqual(protector.Hash("13800138000"), Protector().Hash("13800138000"));
    }

    [Fact]
    public void Tampered_ciphertext_is_refused()
    {
        var protector = Protector();
        var stored = protector.Encrypt("13800138000");
        stored[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(stored));
    }

    [Fact]
    public void A_missing_key_stops_the_service_at_start() =>
        Assert.Throws<InvalidOperationException>(() => new PersonalDataProtector(Options.Create(new PersonalDataOptions())));

    private static PersonalDataProtector Protector() => new(Options.Create(new PersonalDataOptions
    {
        EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));
}
