using MassWork.Projects.Projects;

namespace MassWork.Projects.Funding;

/// <summary>A dispatching unit's deposit into a pooled fund: who pays in, and how much.</summary>
public sealed class DepositValidator : RequestValidator<DepositRequest>
{
    public DepositValidator()
    {
        RuleFor(x => x.UnitName).RequiredText(100).WithMessage("Required, at most 100 characters: the dispatching unit (派出单位) that pays in.");
        RuleFor(x => x.AmountFen).Fen();
    }
}
