using MassWork.ServiceDefaults.Auth;

namespace MassWork.Petitions.Cases;

/// <summary>What a caller may do to a case.</summary>
public enum CasePermission
{
    Read,

    /// <summary>Route, reassign and set the 五定: the town's staff and leaders over the case's region.</summary>
    Route,

    /// <summary>Act as the holder: accept, object, send back, answer, sign, mediate, call back.</summary>
    Handle,

    /// <summary>Approve the one extension: a leader over the case's region.</summary>
    Approve,

    /// <summary>Revisit and register a review request: any staff over the case's region.</summary>
    Follow,

    /// <summary>Answer 复查/复核: a body above the town (county or city level) over the case's region.</summary>
    Review,
}

/// <summary>
/// Region scope and role checks for cases. A department's staff act on the cases it holds; an
/// accuser's identity is shown only to county- or city-level leaders and departments, never to
/// the town or village of the accused, and never in lists.
/// </summary>
public static class CaseAccess
{
    private static readonly string[] RouterRoles = [Roles.TownStaff, Roles.Leader, Roles.Operator];
    private static readonly string[] RegionHandlerRoles = [Roles.TownStaff, Roles.VillageStaff, Roles.WorkTeam, Roles.Leader, Roles.Operator];
    private static readonly string[] FollowerRoles = [Roles.TownStaff, Roles.VillageStaff, Roles.WorkTeam, Roles.Leader, Roles.Operator];
    private static readonly string[] ReviewerRoles = [Roles.Leader, Roles.CountyDepartment, Roles.TownStaff, Roles.Operator];

    public static bool Allows(Caller caller, Case c, CasePermission permission, IReadOnlyCollection<string> callerDepartments)
    {
        var holdsIt = c.Holder is { Kind: HolderKind.Department } holder && callerDepartments.Contains(holder.Code);
        var covers = caller.Covers(c.RegionCode);
        return permission switch
        {
            CasePermission.Read => covers || holdsIt,
            CasePermission.Route => covers && HasAny(caller, RouterRoles),
            CasePermission.Handle => c.Holder switch
            {
                { Kind: HolderKind.Department } => holdsIt || (covers && caller.IsInRole(Roles.Operator)),
                { Kind: HolderKind.Region } h => caller.Covers(h.Code) && HasAny(caller, RegionHandlerRoles),
                // No holder yet: the case's state, not the caller, refuses the step (409).
                _ => covers && HasAny(caller, RegionHandlerRoles),
            },
            CasePermission.Approve => covers && (caller.IsInRole(Roles.Leader) || caller.IsInRole(Roles.Operator)),
            CasePermission.Follow => covers && HasAny(caller, FollowerRoles),
            CasePermission.Review => covers && caller.RegionPrefix.Length <= 6 && HasAny(caller, ReviewerRoles),
            _ => false,
        };
    }

    public static bool SeesPetitioner(Caller caller, Case c) => c.MatterType != MatterType.Accusation || SeesAccusers(caller);

    /// <summary>
    /// Who may know who accused (信访工作条例): county- or city-level leaders and departments. Nobody
    /// else may see an accuser, nor find an accusation by the accuser's household, phone or name.
    /// </summary>
    public static bool SeesAccusers(Caller caller) =>
        caller.RegionPrefix.Length <= 6 && (caller.IsInRole(Roles.Leader) || caller.IsInRole(Roles.CountyDepartment));

    public static IntakeLevel LevelOf(string regionPrefix) => regionPrefix.Length switch
    {
        12 => IntakeLevel.Village,
        9 => IntakeLevel.Town,
        6 => IntakeLevel.County,
        _ => IntakeLevel.City,
    };

    private static bool HasAny(Caller caller, string[] roles) => roles.Any(caller.IsInRole);
}
