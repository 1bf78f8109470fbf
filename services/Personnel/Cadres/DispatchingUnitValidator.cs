using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Cadres;

/// <summary>A dispatching unit (挂点单位 / 帮扶单位) as registered, under the city or county it belongs to.</summary>
public sealed class DispatchingUnitValidator : RequestValidator<CreateUnitRequest>
{
    public DispatchingUnitValidator()
    {
        RuleFor(x => x.Name).RequiredText(100);
        RuleFor(x => x.RegionCode).Must(code => DivisionCode.IsWellFormed(code?.Trim()))
            .WithMessage("The 12-digit division code of the city or county the unit belongs to.");
    }
}
