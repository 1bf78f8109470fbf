using MassWork.ServiceDefaults.Redaction;

namespace MassWork.UnitTests.Redaction;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("SMS to 13800138000 sent", "SMS to 138****8000 sent")]
    [InlineData("+8613912345678", "139****5678")]
    [InlineData("0086 is a prefix, 008615012345678 a number", "0086 is a prefix, 150****5678 a number")]
    [InlineData("/simulator/messages?phone=%2B8618612345678&x=1", "/simulator/messages?phone=186****5678&x=1")]
    [InlineData("{\"idNumber\":\"360702198003151234\",\"phone\":\"13807970001\"}", "{\"idNumber\":\"3607**********1234\",\"phone\":\"138****0001\"}")]
    [InlineData("id 36070219800315123X.", "id 3607**********123X.")]
    [InlineData("id 36070219800315123x", "id 3607**********123x")]
    [InlineData("a,13800138000,36070219800315123X", "a,138****8000,3607**********123X")]
    public void Masks_mobiles_and_id_numbers_wherever_they_stand(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataRedactor.Redact(text));
    }

    [Theory]
    [InlineData("village 360702001201")]                           // 12-digit division code
    [InlineData("at 1781056800000 ms")]                            // Unix milliseconds
    [InlineData("138001380001")]                                    // 12 digits: not a mobile
    [InlineData("12345678901")]                                     // 11 digits, not a mobile prefix
    [InlineData("trace 4bf92f3577b3a13800138000e0e4736")]           // digits inside a hex id
    [InlineData("3607021980131512345")]                             // 19 digits
    [InlineData("360702198013151234")]                              // month 13: not a birth date
    [InlineData("landline 0797-8123456 stays")]
    [InlineData("")]
    public void Leaves_other_numbers_alone(string text)
    {
        Assert.Equal(text, PersonalDataRedactor.Redact(text));
    }

    [Fact]
    public void Values_that_format_to_a_phone_are_masked_and_others_kept()
    {
        var household = new { Head = "刘桂英", Phone = "13800138000" };

        Assert.Equal("138****8000", PersonalDataRedactor.Redact((object)13800138000L));
        Assert.Equal("{ Head = 刘桂英, Phone = 138****8000 }", PersonalDataRedactor.Redact((object)household));
        Assert.Equal(42, PersonalDataRedactor.Redact((object)42));
        var id = Guid.NewGuid();
        Assert.Equal(id, PersonalDataRedactor.Redact((object)id));
        var unchanged = new { Head = "刘桂英" };
        Assert.Same(unchanged, PersonalDataRedactor.Redact((object)unchanged));
        Assert.Null(PersonalDataRedactor.Redact((object?)null));
    }
}
