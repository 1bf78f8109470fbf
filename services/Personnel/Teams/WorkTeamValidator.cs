using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Teams;

/// <summary>A work team (工作队) as sent: its name, the unit that sends it and the village it goes to.</summary>
public sealed class WorkTeamValidator : RequestValidator<CreateTeamRequest>
{
    public WorkTeamValidator()
    {
        RuleFor(x => x.Name).RequiredText(100);
        RuleFor(x => x.UnitId).NotNull().WithMessage("Required: the dispatching unit that sends the team.");
        RuleFor(x => x.VillageCode).Must(DivisionCode.IsVillage).WithMessage("Must be the 12-digit division code of a village.");
    }
}
