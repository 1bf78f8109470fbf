namespace MassWork.Projects.Approval;

/// <summary>One step of a project's approval chain: the level that approves and the roles that may.</summary>
public sealed record ApprovalStepRule(ApprovalLevel Level, IReadOnlyList<string> Roles);

/// <summary>
/// The approval chain of one project, fixed when it is proposed: the tiers of the city's policy
/// from the lowest up to the first whose limit covers the estimated cost. Approvals are given in
/// order; each needs a caller of one of the step's roles whose region is exactly that level and
/// contains the project.
/// </summary>
public sealed class ApprovalChain(IReadOnlyList<ApprovalStepRule> steps)
{
    public IReadOnlyList<ApprovalStepRule> Steps { get; } = steps;

    /// <summary>The chain a policy gives a project of this estimated cost.</summary>
    public static ApprovalChain For(ApprovalPolicy policy, long estimatedCostFen)
    {
        var steps = new List<ApprovalStepRule>();
        foreach (var tier in policy.Tiers!)
        {
            steps.Add(new ApprovalStepRule(Enum.Parse<ApprovalLevel>(tier.Level!, ignoreCase: true), [.. tier.Roles!]));
            if (tier.UpToFen is not { } limit || estimatedCostFen <= limit)
            {
                break;
            }
        }

        return new ApprovalChain(steps);
    }

    /// <summary>The step awaiting approval after this many approvals, or null when the chain is done.</summary>
    public ApprovalStepRule? Next(int approvedSoFar) => approvedSoFar < Steps.Count ? Steps[approvedSoFar] : null;

    public bool IsComplete(int approvedSoFar) => approvedSoFar >= Steps.Count;

    /// <summary>Why this caller may not give the step's approval, or null when they may.</summary>
    public static string? WhyNot(ApprovalStepRule step, string projectRegion, IReadOnlySet<string> roles, string regionPrefix)
    {
        if (!step.Roles.Any(roles.Contains))
        {
            return $"This step is the {LevelName(step.Level)}'s approval: it needs the role {string.Join(" or ", step.Roles)}.";
        }

        if (regionPrefix.Length != (int)step.Level)
        {
            return $"This step is the {LevelName(step.Level)}'s approval: it is given at {LevelName(step.Level)} level ({(int)step.Level}-digit region), and your region {regionPrefix} is not.";
        }

        return projectRegion.StartsWith(regionPrefix, StringComparison.Ordinal)
            ? null
            : $"The project in {projectRegion} is not in your {LevelName(step.Level)} {regionPrefix}.";
    }

    public static string LevelName(ApprovalLevel level) => level switch
    {
        ApprovalLevel.Town => "town (乡镇)",
        ApprovalLevel.County => "county (县区)",
        _ => "city (市)",
    };
}
