using FluentValidation;

namespace MassWork.Identity.Accounts;

/// <summary>
/// An account for staff without a cadre record; the login name and role follow <see cref="AccountRules"/>.
/// Whether the caller may grant the role in that region is decided after, from the caller.
/// </summary>
public sealed class CreateAccountValidator : RequestValidator<CreateAccountRequest>
{
    public CreateAccountValidator()
    {
        RuleFor(x => x.UserName).Problem(userName => AccountRules.UserNameError(userName?.Trim()));
        RuleFor(x => x.DisplayName).RequiredText(50);
        RuleFor(x => x.Role).Problem(AccountRules.RoleError);
        RuleFor(x => x.Region).Must(RegionPrefixes.IsValid).WithMessage("A division code prefix of 2, 4, 6, 9 or 12 digits, e.g. 360702 (章贡区).");
    }
}
