namespace MassWork.Projects.Projects;

/// <summary>Field rules of a proposal (立项申请) that need no database; each problem names its field.</summary>
public sealed class ProposalValidator : RequestValidator<ProposeRequest>
{
    public const int MaxLinks = 200;
    public const int MaxHouseholds = 5000;

    public ProposalValidator()
    {
        RuleFor(x => x.Title).RequiredText(200).WithMessage("Required, at most 200 characters, e.g. 上坪组通组公路硬化.");
        RuleFor(x => x.Category).KnownName<ProposeRequest, ProjectCategory>();
        RuleFor(x => x.Proposer).KnownName<ProposeRequest, Proposer>();
        RuleFor(x => x.RegionCode)
            .Must(r => r?.Trim() is { Length: 12 } code && code.All(char.IsAsciiDigit) && RegionPrefixes.Of(code).Length is 9 or 12)
            .WithMessage("The 12-digit division code of the village, or of the town (ending 000) for a town-wide project.");
        RuleFor(x => x.EstimatedCostFen).Fen();
        RuleFor(x => x.LinkedDemandIds).Must(ids => ids is null || (ids.Count <= MaxLinks && !ids.Contains(Guid.Empty)))
            .WithMessage($"At most {MaxLinks} petition case or visit demand ids, none empty.");
        RuleFor(x => x.BeneficiaryHouseholdIds).Must(AreHouseholds).WithMessage($"At most {MaxHouseholds} household ids, none empty.");
        RuleFor(x => x.BeneficiaryCount).Problem((x, count) =>
            {
                var households = (x.BeneficiaryHouseholdIds ?? []).Distinct().Count();
                return households == 0 && count is not > 0 ? "The households that benefit by id, or for public works their number (1 or more)."
                    : households > 0 && count is { } given && given != households ? $"Leave it out, or give {households}: the number of households listed."
                    : null;
            })
            .When(x => AreHouseholds(x.BeneficiaryHouseholdIds));
    }

    /// <summary>The proposal with its values trimmed, parsed and its lists without repeats; call it once validation passed.</summary>
    public static NewProject Checked(ProposeRequest request)
    {
        EnumNames.TryParse<ProjectCategory>(request.Category, out var category);
        EnumNames.TryParse<Proposer>(request.Proposer, out var proposer);
        var households = (request.BeneficiaryHouseholdIds ?? []).Distinct().ToList();
        return new NewProject(request.Title!.Trim(), category, request.RegionCode!.Trim(), proposer, (request.LinkedDemandIds ?? []).Distinct().ToList(), households,
            households.Count > 0 ? households.Count : request.BeneficiaryCount!.Value, request.EstimatedCostFen!.Value);
    }

    private static bool AreHouseholds(IReadOnlyList<Guid>? ids) => ids is null || (ids.Count <= MaxHouseholds && !ids.Contains(Guid.Empty));
}
