namespace MassWork.ServiceDefaults.Auth;

/// <summary>
/// Who uses MassWork; carried in the token's <c>role</c> claims. What each role may do is not
/// written here nor at any endpoint, but once, in <see cref="Permissions.Matrix"/>.
/// </summary>
public static class Roles
{
    /// <summary>Village committee staff (村/社区).</summary>
    public const string VillageStaff = "village-staff";

    /// <summary>Town or subdistrict staff (乡镇/街道).</summary>
    public const string TownStaff = "town-staff";

    /// <summary>Work team members sent by a dispatching unit (工作队).</summary>
    public const string WorkTeam = "work-team";

    /// <summary>County or city department receiving escalated cases (县直/市直部门).</summary>
    public const string CountyDepartment = "county-department";

    /// <summary>Supervising leaders (领导).</summary>
    public const string Leader = "leader";

    /// <summary>
    /// Platform operators: the combined role of a deployment without separated administrators. A
    /// deployment at MLPS 2.0 level 3 (等保三级) gives the three administrators below instead.
    /// </summary>
    public const string Operator = "operator";

    /// <summary>系统管理员: settings (templates, categories, calendars, policies) and operations (messages, region register); no accounts, no audit.</summary>
    public const string SystemAdmin = "system-admin";

    /// <summary>安全管理员: accounts, roles, clients and keys (identity service); no settings, no audit.</summary>
    public const string SecurityAdmin = "security-admin";

    /// <summary>审计管理员: reads the audit log, and nothing else.</summary>
    public const string AuditAdmin = "audit-admin";

    /// <summary>The three separated administrators (三员分立); only a security administrator grants these.</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, SecurityAdmin, AuditAdmin];

    public static readonly IReadOnlyList<string> All =
        [VillageStaff, TownStaff, WorkTeam, CountyDepartment, Leader, Operator, SystemAdmin, SecurityAdmin, AuditAdmin];
}
