using MassWork.Identity.Accounts;

namespace MassWork.UnitTests.Identity;

public sealed class AccountValidatorTests
{
    [Fact]
    public void A_new_account_names_each_bad_field_without_echoing_what_was_typed()
    {
        var request = new CreateAccountRequest("+8613807971234", " ", "admin", "3607021");
        var errors = new CreateAccountValidator().Validate(request).ToErrors();

        Assert.Equal(["displayName", "region", "role", "userName"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Required, at most 50 characters."], errors["displayName"]);
        Assert.Equal(["A division code prefix of 2, 4, 6, 9 or 12 digits, e.g. 360702 (章贡区)."], errors["region"]);
        Assert.Equal([AccountRules.RoleError(null)!], errors["role"]);
        Assert.DoesNotContain(errors.Values.SelectMany(m => m), m => m.Contains("+8613807971234", StringComparison.Ordinal) || m.Contains("3607021", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_accounts_login_name_is_checked_trimmed()
    {
        Assert.True(new CreateAccountValidator().Validate(new CreateAccountRequest(" zhong.xy ", "钟晓燕", Roles.TownStaff, "360702001")).IsValid);
        Assert.True(new CreateAccountValidator().Validate(new CreateAccountRequest("Zhong", "钟晓燕", Roles.TownStaff, "360702001")).ToErrors().ContainsKey("userName"));
    }

    [Fact]
    public void An_invitation_takes_what_the_request_leaves_out_from_the_account()
    {
        var cadre = new StaffAccount { SubjectId = "s", DisplayName = "钟晓燕", RegionPrefix = "360702001" };

        var errors = new InviteValidator().Validate(InviteValidator.WithDefaults(new InviteRequest(null, null, null), cadre)).ToErrors();
        Assert.Equal(["role", "userName"], errors.Keys.Order(StringComparer.Ordinal));

        var invitation = InviteValidator.WithDefaults(new InviteRequest(" zhong.xy ", Roles.VillageStaff, null), cadre);
        Assert.True(new InviteValidator().Validate(invitation).IsValid);
        Assert.Equal(new InviteRequest("zhong.xy", Roles.VillageStaff, "360702001"), invitation);
        Assert.Equal(["A division code prefix of 2, 4, 6, 9 or 12 digits."],
            new InviteValidator().Validate(invitation with { Region = "3607021" }).ToErrors()["region"]);
    }

    [Fact]
    public void Disabling_gives_a_reason_of_at_most_200_characters()
    {
        Assert.Equal(["Required, at most 200 characters."], new DisableValidator().Validate(new DisableRequest("  ")).ToErrors()["reason"]);
        Assert.False(new DisableValidator().Validate(new DisableRequest(new string('调', 201))).IsValid);
        Assert.True(new DisableValidator().Validate(new DisableRequest(" 调离 ")).IsValid);
    }
}
