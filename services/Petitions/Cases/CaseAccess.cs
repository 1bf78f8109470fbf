namespace MassWork.Petitions.Cases;

/// <summary>What a caller may do to a case; each step but reading is a permission of the matrix.</summary>
public enum CasePermission
{
    /// <summary>Any caller over the case's region, or of the department holding it.</summary>
    Read,

    /// <summary>Route, reassign and set the 五定 (<see cref="Permissions.RouteCases"/>) over the case's region.</summary>
    Route,

    /// <summary>Act as the holder: accept, object, send back, answer, sign, mediate, call back.</summary>
    Handle,

    /// <summary>Approve the one extension (<see cref="Permissions.ApproveExtensions"/>) over the case's region.</summary>
    Approve,

    /// <summary>Revisit and register a review request (<see cref="Permissions.FollowCases"/>) over the case's region.</summary>
    Follow,

    /// <summary>Answer 复查/复核 (<see cref="Permissions.ReviewCases"/>) with a county- or city-level token over the case's region.</summary>
    Review,
}

/// <summary>
/// Region scope and permission checks for cases: what each role may do is the permission matrix
/// (<see cref="Permissions"/>); which cases it may do it to is the case's region or holder. A
/// department's staff act on the cases it holds; an accuser's identity is shown only to county- or
/// city-level leaders and departments, never to the town or village of the accused, and never in lists.
/// </summary>
public static class CaseAccess
{
    public static bool Allows(Caller caller, Case c, CasePermission permission, IReadOnlyCollection<string> callerDepartments)
    {
        var holdsIt = HoldingDepartment(c) is { } department && callerDepartments.Contains(department);
        var covers = caller.Covers(c.RegionCode);
        return permission switch
        {
            CasePermission.Read => covers || holdsIt,
            CasePermission.Route => covers && caller.Can(Permissions.RouteCases),
            CasePermission.Handle => c.Holder switch
            {
                { Kind: HolderKind.Department } => holdsIt || (covers && caller.Can(Permissions.HandleDepartmentCases)),
                { Kind: HolderKind.Region } h => caller.Covers(h.Code) && caller.Can(Permissions.HandleRegionCases),
                // No holder yet: the case's state, not the caller, refuses the step (409).
                _ => covers && caller.Can(Permissions.HandleRegionCases),
            },
            CasePermission.Approve => covers && caller.Can(Permissions.ApproveExtensions),
            CasePermission.Follow => covers && caller.Can(Permissions.FollowCases),
            CasePermission.Review => covers && AboveTheTown(caller) && caller.Can(Permissions.ReviewCases),
            _ => false,
        };
    }

    /// <summary>The one department whose staff act on <paramref name="c"/> as its holder; none while a region holds it or nobody does yet.</summary>
    public static string? HoldingDepartment(Case c) => c.Holder is { Kind: HolderKind.Department } holder ? holder.Code : null;

    public static bool SeesPetitioner(Caller caller, Case c) => c.MatterType != MatterType.Accusation || SeesAccusers(caller);

    /// <summary>
    /// Who may know who accused (信访工作条例): county- or city-level leaders and departments. Nobody
    /// else may see an accuser, nor find an accusation by the accuser's household, phone or name.
    /// </summary>
    public static bool SeesAccusers(Caller caller) => AboveTheTown(caller) && caller.Can(Permissions.SeeAccusers);

    public static IntakeLevel LevelOf(string regionPrefix) => regionPrefix.Length switch
    {
        12 => IntakeLevel.Village,
        9 => IntakeLevel.Town,
        6 => IntakeLevel.County,
        _ => IntakeLevel.City,
    };

    /// <summary>A county- or city-level token.</summary>
    private static bool AboveTheTown(Caller caller) => caller.RegionPrefix.Length <= 6;
}
