using MassWork.Personnel.Households;

namespace MassWork.UnitTests.Personnel;

public sealed class HouseholdValidationTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static HouseholdForm Form(
        string? number = "H-001", string? village = "360702001201", string? address = "和平路12号", string? head = "刘桂英",
        string? status = null, IReadOnlyList<string>? tags = null, IReadOnlyList<MemberForm>? members = null) =>
        new(number, village, address, head, status, Tags: tags, Members: members);

    [Fact]
    public void A_household_without_members_records_its_head_from_headName()
    {
        var (details, members, errors) = HouseholdValidation.Validate(Form(number: " H-001 ", address: " 和平路12号 ", head: " 刘桂英 ", status: "workingaway"), Today);

        Assert.Empty(errors);
        Assert.Equal(("H-001", "和平路12号", HouseholdStatus.WorkingAway), (details!.HouseholdNumber, details.Address, details.Status));
        Assert.Equal([new ValidMember("刘桂英", "户主", null, null)], members);
    }

    [Theory]
    [InlineData("常住", HouseholdStatus.Resident)]
    [InlineData("外出务工", HouseholdStatus.WorkingAway)]
    [InlineData("流动人口", HouseholdStatus.Floating)]
    [InlineData(null, HouseholdStatus.Resident)]
    public void Status_accepts_the_Chinese_words_and_defaults_to_resident(string? status, HouseholdStatus expected)
    {
        var (details, _, errors) = HouseholdValidation.Validate(Form(status: status), Today);

        Assert.Empty(errors);
        Assert.Equal(expected, details!.Status);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Away")]
    public void An_unknown_status_is_named(string status)
    {
        var (details, _, errors) = HouseholdValidation.Validate(Form(status: status), Today);

        Assert.Null(details);
        Assert.Equal(["status"], errors.Keys);
    }

    [Fact]
    public void Every_missing_field_is_reported_at_once()
    {
        var (details, _, errors) = HouseholdValidation.Validate(Form(number: null, village: "", address: "  ", head: null), Today);

        Assert.Null(details);
        Assert.Equal(["address", "headName", "householdNumber", "villageCode"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("36070200120")]
    [InlineData("3607020012011")]
    [InlineData("360702000201")]
    [InlineData("360702001000")]
    [InlineData("36070200120A")]
    public void A_village_code_must_be_a_village(string code)
    {
        var (_, _, errors) = HouseholdValidation.Validate(Form(village: code), Today);

        Assert.Equal(["villageCode"], errors.Keys);
    }

    [Fact]
    public void Unknown_tags_are_refused_and_known_ones_kept_once()
    {
        var (_, _, bad) = HouseholdValidation.Validate(Form(tags: ["困难户", "富裕户"]), Today);
        var (details, _, good) = HouseholdValidation.Validate(Form(tags: ["困难户", " 低保户 ", "困难户"]), Today);

        Assert.Contains("富裕户", bad["tags"][0]);
        Assert.Empty(good);
        Assert.Equal(["困难户", "低保户"], details!.Tags);
    }

    [Fact]
    public void Members_are_checked_field_by_field_with_their_index()
    {
        var (details, _, errors) = HouseholdValidation.Validate(Form(head: null, members:
        [
            new MemberForm("刘桂英", "户主", "360702198003151238", "138 0013 8000"),
            new MemberForm("陈建国", "配偶", "36070219800315123X", "12345"),
        ]), Today);

        Assert.Null(details);
        Assert.Equal(["members[0].idNumber", "members[1].idNumber", "members[1].phone"], errors.Keys.Order());
    }

    [Fact]
    public void Valid_members_come_back_normalised()
    {
        var (details, members, errors) = HouseholdValidation.Validate(Form(head: null, members:
        [
            new MemberForm("刘桂英", "户主", "11010519491231002x", "+86 138-0013-8000"),
            new MemberForm("陈建国", "配偶", null, null),
        ]), Today);

        Assert.Empty(errors);
        Assert.NotNull(details);
        Assert.Equal(new ValidMember("刘桂英", "户主", "11010519491231002X", "13800138000"), members[0]);
    }

    [Theory]
    [InlineData("配偶", "子")]
    [InlineData("户主", "户主")]
    public void A_household_has_exactly_one_head(string first, string second)
    {
        var (_, _, errors) = HouseholdValidation.Validate(Form(head: null, members:
            [new MemberForm("刘桂英", first, null, null), new MemberForm("陈建国", second, null, null)]), Today);

        Assert.Equal(["members"], errors.Keys);
    }

    [Fact]
    public void HeadName_must_agree_with_the_head_member()
    {
        var (_, _, errors) = HouseholdValidation.Validate(Form(head: "陈建国", members: [new MemberForm("刘桂英", "户主", null, null)]), Today);

        Assert.Equal(["headName"], errors.Keys);
    }
}
