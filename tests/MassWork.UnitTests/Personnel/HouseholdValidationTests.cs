using MassWork.Personnel.Households;

namespace MassWork.UnitTests.Personnel;

public sealed class HouseholdValidationTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static HouseholdForm Form(
        string? number = "H-001", string? village = "360702001201", string? address = "和平路12号", string? head = "刘桂英",
        string? status = null, IReadOnlyList<string>? tags = null, IReadOnlyList<MemberForm>? members = null) =>
        new(number, village, address, head, status, Tags: tags, Members: members);

    private static Dictionary<string, string[]> Errors(HouseholdForm form) => new HouseholdValidator().Validate(form, Today).ToErrors();

    [Fact]
    public void A_household_without_members_records_its_head_from_headName()
    {
        var form = Form(number: " H-001 ", address: " 和平路12号 ", head: " 刘桂英 ", status: "workingaway");

        Assert.Empty(Errors(form));
        var (details, members) = HouseholdValidator.Checked(form);
        Assert.Equal(("H-001", "和平路12号", HouseholdStatus.WorkingAway), (details.HouseholdNumber, details.Address, details.Status));
        Assert.Equal([new ValidMember("刘桂英", "户主", null, null, KeepsIdNumber: true, KeepsPhone: true)], members);
    }

    [Theory]
    [InlineData("常住", HouseholdStatus.Resident)]
    [InlineData("外出务工", HouseholdStatus.WorkingAway)]
    [InlineData("流动人口", HouseholdStatus.Floating)]
    [InlineData(null, HouseholdStatus.Resident)]
    public void Status_accepts_the_Chinese_words_and_defaults_to_resident(string? status, HouseholdStatus expected)
    {
        var form = Form(status: status);

        Assert.Empty(Errors(form));
        Assert.Equal(expected, HouseholdValidator.Checked(form).Details.Status);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Away")]
    public void An_unknown_status_is_named(string status)
    {
        Assert.Equal(["status"], Errors(Form(status: status)).Keys);
    }

    [Fact]
    public void Every_missing_field_is_reported_at_once()
    {
        var errors = Errors(Form(number: null, village: "", address: "  ", head: null));

        Assert.Equal(["address", "headName", "householdNumber", "villageCode"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Required."], errors["address"]);
    }

    [Theory]
    [InlineData("36070200120")]
    [InlineData("3607020012011")]
    [InlineData("360702000201")]
    [InlineData("360702001000")]
    [InlineData("36070200120A")]
    public void A_village_code_must_be_a_village(string code)
    {
        Assert.Equal(["villageCode"], Errors(Form(village: code)).Keys);
    }

    [Fact]
    public void Unknown_tags_are_refused_and_known_ones_kept_once()
    {
        var bad = Errors(Form(tags: ["困难户", "富裕户"]));
        var good = Form(tags: ["困难户", " 低保户 ", "困难户"]);

        Assert.Contains("富裕户", bad["tags"][0]);
        Assert.Empty(Errors(good));
        Assert.Equal(["困难户", "低保户"], HouseholdValidator.Checked(good).Details.Tags);
    }

    [Fact]
    public void Members_are_checked_field_by_field_with_their_index()
    {
        var errors = Errors(Form(head: null, members:
        [
            new MemberForm("刘桂英", "户主", "360702198003151238", "138 0013 8000"),
            new MemberForm("陈建国", "配偶", "36070219800315123X", "12345"),
        ]));

        Assert.Equal(["members[0].idNumber", "members[1].idNumber", "members[1].phone"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Valid_members_come_back_normalised()
    {
        var form = Form(head: null, members:
        [
            new MemberForm("刘桂英", "户主", "11010519491231002x", "+86 138-0013-8000"),
            new MemberForm("陈建国", "配偶", null, null),
            new MemberForm("刘小燕", "女", "", " "),
        ]);

        Assert.Empty(Errors(form));
        var (_, members) = HouseholdValidator.Checked(form);
        Assert.Equal(new ValidMember("刘桂英", "户主", "11010519491231002X", "13800138000"), members[0]);
        // Left out, an edit keeps the stored value; sent empty, it clears it.
        Assert.Equal(new ValidMember("陈建国", "配偶", null, null, KeepsIdNumber: true, KeepsPhone: true), members[1]);
        Assert.Equal(new ValidMember("刘小燕", "女", null, null), members[2]);
    }

    [Theory]
    [InlineData("配偶", "子")]
    [InlineData("户主", "户主")]
    public void A_household_has_exactly_one_head(string first, string second)
    {
        var errors = Errors(Form(head: null, members:
            [new MemberForm("刘桂英", first, null, null), new MemberForm("陈建国", second, null, null)]));

        Assert.Equal(["members"], errors.Keys);
    }

    [Fact]
    public void HeadName_must_agree_with_the_head_member()
    {
        var errors = Errors(Form(head: "陈建国", members: [new MemberForm("刘桂英", "户主", null, null)]));

        Assert.Equal(["headName"], errors.Keys);
    }

    [Fact]
    public void Member_names_are_unique_within_a_household() =>
        Assert.Equal(["Member names must be unique within a household."],
            Errors(Form(head: null, members: [new MemberForm("刘桂英", "户主", null, null), new MemberForm(" 刘桂英 ", "女", null, null)]))["members"]);

    [Fact]
    public void The_household_rules_wait_until_every_member_is_right()
    {
        var errors = Errors(Form(head: "陈建国", members: [new MemberForm("刘桂英", "配偶", null, "12345"), new MemberForm("陈建国", "子", null, null)]));

        Assert.Equal(["members[0].phone"], errors.Keys);
    }

    [Fact]
    public void Too_many_members_are_refused_without_checking_each()
    {
        var members = Enumerable.Range(0, HouseholdValidator.MaxMembers + 1).Select(i => new MemberForm(null, null, null, null)).ToList();

        Assert.Equal(["members"], Errors(Form(head: null, members: members)).Keys);
    }

    [Fact]
    public void A_null_member_or_tag_is_refused_by_its_index()
    {
        var errors = Errors(Form(head: null, tags: ["困难户", null!], members: [new MemberForm("刘桂英", "户主", null, null), null!]));

        Assert.Equal(["members[1]", "tags[1]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Required: an element, not null."], errors["members[1]"]);
    }
}
