namespace MassWork.Petitions.Cases;

// The field rules of each case step's body (CaseStepRequests.cs). Whether the step is allowed now is
// the case's own rule (Case.cs); whether a named department exists is a lookup in the endpoint.

public sealed class AssignValidator : RequestValidator<AssignRequest>
{
    public AssignValidator()
    {
        RuleFor(x => x.Kind).Must(EnumNames.Is<HolderKind>).WithMessage("Region (a town or village office) or Department.");
        RuleFor(x => x.Code).Problem((x, code) =>
            string.IsNullOrWhiteSpace(code) ? "Required: a division code or a department code."
            : EnumNames.TryParse<HolderKind>(x.Kind, out var kind) && kind == HolderKind.Region && !(code.Trim() is { Length: 12 } c && c.All(char.IsAsciiDigit))
                ? "The 12-digit division code of a town or village office."
                : null);
        RuleFor(x => x.Name).OptionalText(100);
        RuleFor(x => x.Note).OptionalText(500);
    }
}

public sealed class ReasonValidator : RequestValidator<ReasonRequest>
{
    public ReasonValidator() => RuleFor(x => x.Reason).RequiredText(500);
}

public sealed class ReviewValidator : RequestValidator<ReviewRequest>
{
    public ReviewValidator() => RuleFor(x => x.Reason).RequiredText(1000);
}

public sealed class NoteValidator : RequestValidator<NoteRequest>
{
    public NoteValidator() => RuleFor(x => x.Note).RequiredText(500);
}

public sealed class OwnershipValidator : RequestValidator<OwnershipRequest>
{
    public OwnershipValidator()
    {
        RuleFor(x => x.LeadLeader).RequiredText(50);
        RuleFor(x => x.ResponsibleOffice).RequiredText(100);
        RuleFor(x => x.HandlerUserId).RequiredText(100);
        RuleFor(x => x.HandlerName).RequiredText(50);
        RuleFor(x => x.RevisitTarget).RequiredText(100);
        RuleFor(x => x.ResolutionDeadline).NotNull().WithMessage("Required (yyyy-MM-dd).");
    }
}

public sealed class ExtendValidator : RequestValidator<ExtendRequest>
{
    public ExtendValidator()
    {
        // The upper bound is the city's policy, applied by Case.Extend with the rest of the extension rule.
        RuleFor(x => x.Days).NotNull().WithMessage("Required: 1 to the policy's maximum (30 by the regulation).");
        RuleFor(x => x.Reason).RequiredText(500);
    }
}

public sealed class EscalateValidator : RequestValidator<EscalateRequest>
{
    public EscalateValidator()
    {
        RuleFor(x => x.DepartmentCode).RequiredText(40);
        RuleFor(x => x.Reason).RequiredText(500);
    }
}

public sealed class AnswerValidator : RequestValidator<AnswerRequest>
{
    public const int MaxOpinion = 4000;

    public AnswerValidator()
    {
        RuleFor(x => x.Outcome).Must(EnumNames.Is<Outcome>).WithMessage(EnumNames.OneOf<Outcome>());
        RuleFor(x => x.Opinion).RequiredText(MaxOpinion);
    }
}

public sealed class RevisitValidator : RequestValidator<RevisitRequest>
{
    public RevisitValidator()
    {
        RuleFor(x => x.Satisfaction).Must(EnumNames.Is<Satisfaction>).WithMessage(EnumNames.OneOf<Satisfaction>());
        RuleFor(x => x.Note).OptionalText(500);
    }
}

public sealed class MediationValidator : RequestValidator<MediationRequest>
{
    public MediationValidator()
    {
        RuleFor(x => x.Step).Must(EnumNames.Is<MediationStep>).WithMessage(EnumNames.OneOf<MediationStep>());
        RuleFor(x => x.Level).Problem((x, level) =>
            level is not null
                ? EnumNames.Is<MediationLevel>(level) ? null : EnumNames.OneOf<MediationLevel>()
                : Is(x, MediationStep.Settled) ? "A settled dispute names the level that settled it: Group, Village or Town." : null);
        RuleFor(x => x.Note).OptionalText(500);
        RuleFor(x => Parties(x.Parties)).Named("parties")
            .Must((x, parties) => parties is not { Count: > 20 } && parties?.Any(p => p.Length > 50) != true
                                  && !(Is(x, MediationStep.Investigated) && parties is not { Count: >= 2 }))
            .WithMessage("The dispute's parties by name: at least two when it is investigated, at most 20 of at most 50 characters.");
        RuleFor(x => x.Mediator).RequiredText(50).When(x => Is(x, MediationStep.Mediated));
        RuleFor(x => x.Mediator).OptionalText(50).Unless(x => Is(x, MediationStep.Mediated));
        RuleFor(x => x.Agreement).RequiredText(1000).When(x => Is(x, MediationStep.Settled));
    }

    /// <summary>The parties trimmed, blanks and repeats dropped; null when none were given.</summary>
    public static List<string>? Parties(IReadOnlyList<string>? parties) =>
        parties?.Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).Distinct().ToList();

    private static bool Is(MediationRequest request, MediationStep step) =>
        EnumNames.TryParse<MediationStep>(request.Step, out var parsed) && parsed == step;
}
