using FluentValidation;

namespace MassWork.Identity.Accounts;

/// <summary>Why an account is disabled, kept on the account and shown to the operators who see it.</summary>
public sealed class DisableValidator : RequestValidator<DisableRequest>
{
    public DisableValidator()
    {
        RuleFor(x => x.Reason).RequiredText(200);
    }
}
