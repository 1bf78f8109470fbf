using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Pairings;

/// <summary>A request for proposed pairings: the village or town, and how cadres are chosen (Village by default).</summary>
public sealed class AssignmentValidator : RequestValidator<ProposeAssignmentRequest>
{
    public AssignmentValidator()
    {
        RuleFor(x => x.RegionCode).Must(code => DivisionCode.IsVillage(code?.Trim()) || DivisionCode.IsTown(code?.Trim()))
            .WithMessage("The 12-digit division code of a village or a town.");
        RuleFor(x => x.Mode).Must(mode => mode is null || EnumNames.Is<AssignmentMode>(mode))
            .WithMessage("Village (work teams, by group) or Compound (三送进小区).");
    }
}
