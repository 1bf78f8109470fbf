using MassWork.Identity;
using MassWork.Identity.Accounts;
using MassWork.Identity.SignIn;
using MassWork.Identity.Tokens;
using OtpNet;

namespace MassWork.UnitTests.Identity;

public sealed class SignInRuleTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 12, 2, 0, 0, TimeSpan.Zero);
    private static readonly IdentityServiceOptions Options = new() { LockoutFailures = 5, LockoutDuration = TimeSpan.FromMinutes(15) };

    private static StaffAccount Account() => new() { SubjectId = "s", DisplayName = "钟晓燕", RegionPrefix = "360702" };

    [Fact]
    public void The_fifth_failure_in_a_row_locks_the_account_for_the_lockout_duration()
    {
        var account = Account();
        for (var i = 0; i < 4; i++)
        {
            Lockout.Failed(account, Now, Options);
        }

        Assert.False(Lockout.IsLocked(account, Now));
        Lockout.Failed(account, Now, Options);
        Assert.True(Lockout.IsLocked(account, Now));
        Assert.True(Lockout.IsLocked(account, Now.AddMinutes(15).AddTicks(-1)));
        Assert.False(Lockout.IsLocked(account, Now.AddMinutes(15)));
    }

    [Fact]
    public void A_success_clears_the_failures_so_far()
    {
        var account = Account();
        for (var i = 0; i < 4; i++)
        {
            Lockout.Failed(account, Now, Options);
        }

        Lockout.Succeeded(account);
        Lockout.Failed(account, Now, Options);

        Assert.False(Lockout.IsLocked(account, Now));
        Assert.Equal(1, account.AccessFailedCount);
    }

    [Fact]
    public void An_authenticator_code_is_good_for_its_step_and_one_either_side_and_only_once()
    {
        var secret = TotpCodes.NewSecret();
        var step = Now.ToUnixTimeSeconds() / 30;
        string CodeAt(long s) => new Totp(secret).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(s * 30).UtcDateTime);

        Assert.Equal(step, TotpCodes.Verify(secret, CodeAt(step), Now, lastStep: 0));
        Assert.Equal(step - 1, TotpCodes.Verify(secret, CodeAt(step - 1), Now, lastStep: 0));
        Assert.Equal(step + 1, TotpCodes.Verify(secret, CodeAt(step + 1), Now, lastStep: 0));
        Assert.Null(TotpCodes.Verify(secret, CodeAt(step + 2), Now, lastStep: 0));
        Assert.Null(TotpCodes.Verify(secret, CodeAt(step), Now, lastStep: step));
        Assert.Null(TotpCodes.Verify(secret, "12345", Now, lastStep: 0));
        Assert.Null(TotpCodes.Verify(secret, "12a456", Now, lastStep: 0));
    }

    [Fact]
    public void The_authenticator_uri_names_the_platform_and_the_account()
    {
        var uri = TotpCodes.Uri(new byte[20], "zhong.xy");

        Assert.StartsWith("otpauth://totp/MassWork%3Azhong.xy?secret=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&issuer=MassWork", uri);
    }

    [Fact]
    public void A_session_ends_at_its_absolute_limit_and_its_last_refresh_token_is_cut_to_end_there()
    {
        var options = new IdentityServiceOptions { SessionIdleLimit = TimeSpan.FromMinutes(30), SessionAbsoluteLimit = TimeSpan.FromHours(12) };
        var start = Now;

        Assert.False(SessionLimits.HasEnded(start, start.AddHours(11), options));
        Assert.True(SessionLimits.HasEnded(start, start.AddHours(12), options));
        Assert.True(SessionLimits.HasEnded(null, start, options));
        Assert.Equal(TimeSpan.FromMinutes(30), SessionLimits.RefreshLifetime(start, start.AddHours(1), options));
        Assert.Equal(TimeSpan.FromMinutes(10), SessionLimits.RefreshLifetime(start, start.AddHours(12).AddMinutes(-10), options));
    }

    [Theory]
    [InlineData("zhong.xy", true)]
    [InlineData("li_2", true)]
    [InlineData("ab", false)]
    [InlineData("Zhong", false)]
    [InlineData("钟晓燕", false)]
    [InlineData("a b", false)]
    public void Login_names_are_short_lower_case_ascii(string userName, bool valid)
    {
        Assert.Equal(valid, AccountRules.UserNameError(userName) is null);
    }

    [Fact]
    public void Invitation_codes_are_long_random_and_kept_only_as_a_hash_that_ignores_case_and_spaces()
    {
        var (code, hash) = AccountRules.NewInvitation();
        var (other, _) = AccountRules.NewInvitation();

        Assert.Equal(20, code.Length);
        Assert.NotEqual(code, other);
        Assert.DoesNotContain('0', code);
        Assert.DoesNotContain('O', code);
        Assert.Equal(hash, AccountRules.InvitationHash($" {code.ToLowerInvariant()} "));
    }
}
