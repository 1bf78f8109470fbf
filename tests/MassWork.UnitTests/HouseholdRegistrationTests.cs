using MassWork.Personnel.Households;

namespace MassWork.UnitTests;

public sealed class HouseholdRegistrationTests
{
    [Fact]
    public void A_complete_household_is_accepted_with_trimmed_fields()
    {
        var (registration, errors) = HouseholdRegistration.Create(" H-001 ", "360702001201", " 和平路12号 ", " 刘桂英 ", "workingaway");

        Assert.Empty(errors);
        Assert.Equal(new HouseholdRegistration("H-001", "360702001201", "和平路12号", "刘桂英", HouseholdStatus.WorkingAway), registration);
    }

    [Fact]
    public void Status_defaults_to_resident()
    {
        var (registration, _) = HouseholdRegistration.Create("H-001", "360702001201", "和平路12号", "刘桂英", null);

        Assert.Equal(HouseholdStatus.Resident, registration!.Status);
    }

    [Fact]
    public void Every_missing_field_is_reported_at_once()
    {
        var (registration, errors) = HouseholdRegistration.Create(null, "", "  ", null, null);

        Assert.Null(registration);
        Assert.Equal(["address", "headName", "householdNumber", "villageCode"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("36070200120", "too short")]
    [InlineData("3607020012011", "too long")]
    [InlineData("360702000201", "no town part")]
    [InlineData("360702001000", "a town, not a village")]
    [InlineData("36070200120A", "not digits")]
    public void A_village_code_must_be_a_village(string code, string why)
    {
        var (_, errors) = HouseholdRegistration.Create("H-1", code, "路1号", "张三", null);

        Assert.True(errors.ContainsKey("villageCode"), why);
    }

    [Theory]
    [InlineData("H 001")]
    [InlineData("户001")]
    [InlineData("H/001")]
    public void A_household_number_takes_letters_digits_and_dashes_only(string number)
    {
        var (_, errors) = HouseholdRegistration.Create(number, "360702001201", "路1号", "张三", null);

        Assert.Equal(["householdNumber"], errors.Keys);
    }

    [Fact]
    public void Overlong_fields_are_rejected()
    {
        var (_, errors) = HouseholdRegistration.Create(new string('1', 33), "360702001201", new string('路', 201), new string('张', 51), null);

        Assert.Equal(["address", "headName", "householdNumber"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("Unknown")]
    [InlineData("3")]
    public void An_unknown_status_is_rejected(string status)
    {
        var (_, errors) = HouseholdRegistration.Create("H-1", "360702001201", "路1号", "张三", status);

        Assert.Equal(["status"], errors.Keys);
    }
}
