using MassWork.ServiceDefaults.Auth;

namespace MassWork.Projects.Approval;

/// <summary>The level of government that approves a step; the value is the length of its region prefix.</summary>
public enum ApprovalLevel
{
    City = 4,
    County = 6,
    Town = 9,
}

/// <summary>
/// One tier of a city's approval policy: the level that approves, the roles that may approve for
/// it, and the largest estimated cost (fen, inclusive) it approves alone. The last tier has no limit.
/// </summary>
public sealed record ApprovalTier(string? Level, long? UpToFen, IReadOnlyList<string>? Roles);

/// <summary>
/// A city's approval thresholds (审批权限), stored per city code and edited by operators. A project
/// is approved by every tier from the first up to the one whose limit covers its estimated cost,
/// in that order: a 300,000-yuan road is approved by the town, then by the county.
/// </summary>
public sealed record ApprovalPolicy(IReadOnlyList<ApprovalTier>? Tiers)
{
    /// <summary>Town up to 50,000 yuan, county up to 500,000 yuan, city above.</summary>
    public static ApprovalPolicy Default { get; } = new(
    [
        new ApprovalTier(nameof(ApprovalLevel.Town), 5_000_000, [Roles.TownStaff, Roles.Leader]),
        new ApprovalTier(nameof(ApprovalLevel.County), 50_000_000, [Roles.Leader]),
        new ApprovalTier(nameof(ApprovalLevel.City), null, [Roles.Leader]),
    ]);

    /// <summary>Field-named problems; empty when the policy can be stored.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Tiers is not { Count: > 0 and <= 3 })
        {
            errors["tiers"] = ["One to three tiers, from the lowest level up (Town, County, City)."];
            return errors;
        }

        ApprovalLevel? previousLevel = null;
        long? previousLimit = null;
        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            var field = $"tiers[{i}]";
            if (!ServiceDefaults.Errors.EnumNames.TryParse<ApprovalLevel>(tier.Level, out var level))
            {
                errors[$"{field}.level"] = [ServiceDefaults.Errors.EnumNames.OneOf<ApprovalLevel>()];
            }
            else if (previousLevel is { } before && (int)level >= (int)before)
            {
                errors[$"{field}.level"] = ["Each tier is a level above the one before it (Town, then County, then City)."];
            }
            else
            {
                previousLevel = level;
            }

            var last = i == Tiers.Count - 1;
            if (last && tier.UpToFen is not null)
            {
                errors[$"{field}.upToFen"] = ["The last tier approves everything above the tier before it: leave its limit out."];
            }
            else if (!last && tier.UpToFen is not > 0)
            {
                errors[$"{field}.upToFen"] = ["Required: a positive amount in fen (分), the largest estimated cost this level approves alone."];
            }
            else if (!last && previousLimit is { } below && tier.UpToFen <= below)
            {
                errors[$"{field}.upToFen"] = [$"Thresholds rise from tier to tier: more than {below}."];
            }
            else if (!last)
            {
                previousLimit = tier.UpToFen;
            }

            if (tier.Roles is not { Count: > 0 } || tier.Roles.Any(r => !Roles.All.Contains(r)))
            {
                errors[$"{field}.roles"] = [$"One or more of {string.Join(", ", Roles.All)}."];
            }
        }

        return errors;
    }
}
