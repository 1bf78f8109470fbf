using FluentValidation.Results;

namespace MassWork.Projects.Approval;

/// <summary>
/// Whether a city's approval thresholds can be stored: one to three tiers from the lowest level up,
/// each approving more than the one before, the last without a limit, each with known roles.
/// </summary>
public sealed class ApprovalPolicyValidator : RequestValidator<ApprovalPolicy>
{
    public const int MaxTiers = 3;

    public ApprovalPolicyValidator()
    {
        RuleFor(x => x.Tiers).Must(t => t is { Count: > 0 and <= MaxTiers }).WithMessage("One to three tiers, from the lowest level up (Town, County, City).")
            .Custom((tiers, context) => Rising(tiers!, context));
        RuleForEachElement(x => x.Tiers, tier =>
        {
            tier.RuleFor(t => t.Level).Must(EnumNames.Is<ApprovalLevel>).WithMessage(EnumNames.OneOf<ApprovalLevel>());
            tier.RuleFor(t => t.Roles).Must(roles => roles is { Count: > 0 } && roles.All(Roles.All.Contains))
                .WithMessage($"One or more of {string.Join(", ", Roles.All)}.");
        }, when: x => x.Tiers is { Count: > 0 and <= MaxTiers });
    }

    /// <summary>
    /// Levels rise from tier to tier and so do thresholds, each tier judged against the last one that
    /// was right; the last tier has no limit.
    /// </summary>
    private static void Rising(IReadOnlyList<ApprovalTier> tiers, ValidationContext<ApprovalPolicy> context)
    {
        ApprovalLevel? previousLevel = null;
        long? previousLimit = null;
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i] is not { } tier)
            {
                continue;
            }

            var field = $"{context.PropertyPath}[{i}]";
            if (EnumNames.TryParse<ApprovalLevel>(tier.Level, out var level))
            {
                if (previousLevel is { } before && (int)level >= (int)before)
                {
                    context.AddFailure(new ValidationFailure($"{field}.level", "Each tier is a level above the one before it (Town, then County, then City)."));
                }
                else
                {
                    previousLevel = level;
                }
            }

            var last = i == tiers.Count - 1;
            var limitProblem = last
                ? tier.UpToFen is null ? null : "The last tier approves everything above the tier before it: leave its limit out."
                : tier.UpToFen is not > 0 ? "Required: a positive amount in fen (分), the largest estimated cost this level approves alone."
                : previousLimit is { } below && tier.UpToFen <= below ? $"Thresholds rise from tier to tier: more than {below}."
                : null;
            if (limitProblem is not null)
            {
                context.AddFailure(new ValidationFailure($"{field}.upToFen", limitProblem));
            }
            else if (!last)
            {
                previousLimit = tier.UpToFen;
            }
        }
    }
}
