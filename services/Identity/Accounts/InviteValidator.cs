using FluentValidation;

namespace MassWork.Identity.Accounts;

/// <summary>
/// An invitation's login name, role and region once the account's own fill what the request leaves
/// out (<see cref="WithDefaults"/>): an account from the cadre register may have neither name nor role yet.
/// </summary>
public sealed class InviteValidator : RequestValidator<InviteRequest>
{
    public InviteValidator()
    {
        RuleFor(x => x.UserName).Problem(AccountRules.UserNameError);
        RuleFor(x => x.Role).Problem(AccountRules.RoleError);
        RuleFor(x => x.Region).Must(RegionPrefixes.IsValid).WithMessage("A division code prefix of 2, 4, 6, 9 or 12 digits.");
    }

    /// <summary>The invitation the account will have: the request's values, trimmed, else the account's own.</summary>
    public static InviteRequest WithDefaults(InviteRequest request, StaffAccount account) =>
        new(request.UserName?.Trim() ?? account.UserName, request.Role ?? account.Role, request.Region ?? account.RegionPrefix);
}
