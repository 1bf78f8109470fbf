using MassWork.ServiceDefaults.Auth;

namespace MassWork.Console.SignIn;

/// <summary>The roles as staff call them.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        [Roles.VillageStaff] = "村（社区）工作人员",
        [Roles.TownStaff] = "乡镇（街道）工作人员",
        [Roles.WorkTeam] = "工作队队员",
        [Roles.CountyDepartment] = "县直部门",
        [Roles.Leader] = "领导",
        [Roles.Operator] = "平台运维",
        [Roles.SystemAdmin] = "系统管理员",
        [Roles.SecurityAdmin] = "安全管理员",
        [Roles.AuditAdmin] = "审计管理员",
    };

    public static string Of(IEnumerable<string> roles) => string.Join("、", roles.Select(r => Names.GetValueOrDefault(r, r)));
}
