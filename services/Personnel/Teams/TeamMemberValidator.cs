namespace MassWork.Personnel.Teams;

/// <summary>A cadre joining a team, and the role they take in it.</summary>
public sealed class TeamMemberValidator : RequestValidator<AddTeamMemberRequest>
{
    public TeamMemberValidator()
    {
        RuleFor(x => x.CadreId).NotNull().WithMessage("Required.");
        RuleFor(x => x.Role).Must(EnumNames.Is<TeamRole>).WithMessage("Leader (队长), Resident (常驻队员) or FullCoverage (全覆盖干部).");
    }
}
