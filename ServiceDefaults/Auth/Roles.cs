namespace MassWork.ServiceDefaults.Auth;

/// <summary>Who uses MassWork; carried in the token's <c>role</c> claims.</summary>
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

    /// <summary>Platform operators.</summary>
    public const string Operator = "operator";

    /// <summary>系统管理员: runs the platform and its settings; reads no audit log and manages no accounts.</summary>
    public const string SystemAdmin = "system-admin";

    /// <summary>安全管理员: manages accounts, roles and keys; changes no business settings.</summary>
    public const string SecurityAdmin = "security-admin";

    /// <summary>审计管理员: alone reads the audit log, and changes nothing.</summary>
    public const string AuditAdmin = "audit-admin";

    public static readonly IReadOnlyList<string> All =
        [VillageStaff, TownStaff, WorkTeam, CountyDepartment, Leader, Operator, SystemAdmin, SecurityAdmin, AuditAdmin];
}
