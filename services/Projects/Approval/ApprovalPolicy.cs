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
}
