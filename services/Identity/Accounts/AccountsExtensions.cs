using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace MassWork.Identity.Accounts;

public static class AccountsExtensions
{
    /// <summary>
    /// ASP.NET Core Identity for password hashing (PBKDF2-HMAC-SHA512, 100,000 iterations) and the
    /// password policy; lockout is applied by <see cref="Lockout"/> on the platform's clock.
    /// </summary>
    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityServiceOptions>().Bind(builder.Configuration.GetSection(IdentityServiceOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddIdentityCore<StaffAccount>(options =>
            {
                options.User.AllowedUserNameCharacters = AccountRules.UserNameCharacters;
                options.Password.RequiredLength = AccountRules.MinPasswordLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddUserStore<UserOnlyStore<StaffAccount, AccountsDbContext, Guid>>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<NotTheUserName>();
        return builder;
    }
}

/// <summary>What the activation page tells a staff member about a password the policy refuses.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少{length}位。" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字。" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含小写字母。" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含大写字母。" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少包含{uniqueChars}个不同的字符。" };
}

/// <summary>A password that contains the account name is the first one an attacker tries.</summary>
public sealed class NotTheUserName : IPasswordValidator<StaffAccount>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffAccount> manager, StaffAccount user, string? password) =>
        Task.FromResult(user.UserName is { Length: > 0 } name && password?.Contains(name, StringComparison.OrdinalIgnoreCase) == true
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含账号名。" })
            : IdentityResult.Success);
}
