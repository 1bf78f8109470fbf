namespace MassWork.Projects.Projects;

/// <summary>Why a project is rejected or cancelled: kept on its record and shown on the notice board's history.</summary>
public sealed class ReasonValidator : RequestValidator<ReasonRequest>
{
    public ReasonValidator() => RuleFor(x => x.Reason).RequiredText(500);
}
