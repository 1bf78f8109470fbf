using Microsoft.AspNetCore.Authorization;

namespace MassWork.ServiceDefaults.Auth;

/// <summary>
/// The role matrix (权限矩阵): every named permission and the roles that hold it, in one table read by
/// every service. Each permission is an ASP.NET authorization policy of the same name, so an endpoint
/// says <c>.RequireAuthorization(Permissions.RecordVisits)</c> and never lists roles. Region scope is
/// a separate, second check (<see cref="RegionScope"/>): a permission says what, the token's region where.
/// The three administrators are separated (三员分立, MLPS 2.0 level 3): the system administrator keeps
/// settings and operations, the security administrator accounts, clients and keys, the audit
/// administrator only reads the audit log; none holds another's permission. docs/security.md shows the table.
/// </summary>
public static class Permissions
{
    /// <summary>
    /// The daily work of the six working roles: every read and step that names no other permission
    /// (lists, ledgers, case steps that check the case's holder themselves). It is the fallback policy,
    /// so an endpoint that names nothing is closed to the three administrators.
    /// </summary>
    public const string Work = nameof(Work);

    /// <summary>Read settings (templates, categories, calendars, policies): the working roles and the system administrator.</summary>
    public const string ReadSettings = nameof(ReadSettings);

    // Settings and operations (系统管理员).

    /// <summary>City-wide settings: SMS templates, petition categories, the holiday calendar, the project approval policy. Needs a city-level token too (<see cref="RegionScope.RequireCityScope{TBuilder}"/>).</summary>
    public const string ManageSettings = nameof(ManageSettings);

    /// <summary>A city's working policies: petition time limits, visit frequency, pairing rules. Needs a city-level token too.</summary>
    public const string ManagePolicies = nameof(ManagePolicies);

    /// <summary>Load the statistical region register (区划代码).</summary>
    public const string ManageRegions = nameof(ManageRegions);

    /// <summary>Look at and retry failed SMS (dead letters) and the services' failed messages (error queues).</summary>
    public const string OperateMessaging = nameof(OperateMessaging);

    // Accounts and keys (安全管理员).

    /// <summary>Staff accounts: create, invite with a role, disable.</summary>
    public const string ManageAccounts = nameof(ManageAccounts);

    /// <summary>API clients and their credentials (Open311 hotline clients).</summary>
    public const string ManageClients = nameof(ManageClients);

    /// <summary>Signing and encryption keys of the identity service.</summary>
    public const string ManageKeys = nameof(ManageKeys);

    // Audit (审计管理员).

    /// <summary>Read the audit log. Nobody but the audit administrator, not even an operator.</summary>
    public const string ReadAudit = nameof(ReadAudit);

    // The work itself.

    public const string RecordVisits = nameof(RecordVisits);

    /// <summary>Enter visits, demands, diary entries and meetings for any cadre (from diaries, by phone); without it a recorder acts as the cadre they are.</summary>
    public const string RecordVisitsForOthers = nameof(RecordVisitsForOthers);
    public const string SpotCheckVisits = nameof(SpotCheckVisits);
    public const string RegisterHouseholds = nameof(RegisterHouseholds);

    /// <summary>Households with their unmasked personal data.</summary>
    public const string ReadHouseholdDetails = nameof(ReadHouseholdDetails);
    public const string ImportHouseholds = nameof(ImportHouseholds);
    public const string ManagePairings = nameof(ManagePairings);
    public const string PlanAssignments = nameof(PlanAssignments);
    public const string RecordAttendance = nameof(RecordAttendance);
    public const string ManageCadres = nameof(ManageCadres);

    /// <summary>Dispatching units (派出单位) and town officials.</summary>
    public const string ManageUnits = nameof(ManageUnits);
    public const string ManageTeams = nameof(ManageTeams);

    /// <summary>Villager groups and compounds of a village, and region locations.</summary>
    public const string EditRegionUnits = nameof(EditRegionUnits);
    public const string EditNoticeBoard = nameof(EditNoticeBoard);
    public const string FilePetitions = nameof(FilePetitions);

    // Petition cases: the case's region (or the department holding it) says which cases; these say which steps.

    /// <summary>Route and reassign cases of the caller's region, and set their 五定.</summary>
    public const string RouteCases = nameof(RouteCases);

    /// <summary>Act as the holder of a case held by an office of the caller's region: accept, object, send back, answer, sign, mediate, call back.</summary>
    public const string HandleRegionCases = nameof(HandleRegionCases);

    /// <summary>Act as the holder of a case of the caller's region that a department holds, without belonging to that department.</summary>
    public const string HandleDepartmentCases = nameof(HandleDepartmentCases);

    /// <summary>Approve a case's one extension.</summary>
    public const string ApproveExtensions = nameof(ApproveExtensions);

    /// <summary>Revisit cases (回访) and register review requests.</summary>
    public const string FollowCases = nameof(FollowCases);

    /// <summary>Answer 复查/复核; also needs a county- or city-level token.</summary>
    public const string ReviewCases = nameof(ReviewCases);

    /// <summary>Know who filed an accusation (信访工作条例); also needs a county- or city-level token.</summary>
    public const string SeeAccusers = nameof(SeeAccusers);

    public const string ManageDepartments = nameof(ManageDepartments);
    public const string SendBroadcasts = nameof(SendBroadcasts);
    public const string ProposeProjects = nameof(ProposeProjects);

    /// <summary>A project's ledger, photos and works, once proposed.</summary>
    public const string ManageProjects = nameof(ManageProjects);
    public const string ManageFunds = nameof(ManageFunds);

    private const string V = Roles.VillageStaff, T = Roles.TownStaff, W = Roles.WorkTeam, C = Roles.CountyDepartment,
        L = Roles.Leader, O = Roles.Operator, Sys = Roles.SystemAdmin, Sec = Roles.SecurityAdmin, Aud = Roles.AuditAdmin;

    /// <summary>Permission → the roles that hold it. The only place roles are given rights.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Matrix = new Dictionary<string, IReadOnlyList<string>>
    {
        [Work] = [V, T, W, C, L, O],
        [ReadSettings] = [V, T, W, C, L, O, Sys],
        [ManageSettings] = [O, Sys],
        [ManagePolicies] = [O, L, Sys],
        [ManageRegions] = [O, Sys],
        [OperateMessaging] = [O, Sys],
        [ManageAccounts] = [O, Sec],
        [ManageClients] = [O, Sec],
        [ManageKeys] = [Sec],
        [ReadAudit] = [Aud],
        [RecordVisits] = [V, T, W, L, O],
        [RecordVisitsForOthers] = [V, T, L, O],
        [SpotCheckVisits] = [L, O],
        [RegisterHouseholds] = [V, T, W, O],
        [ReadHouseholdDetails] = [T, O],
        [ImportHouseholds] = [V, T, O],
        [ManagePairings] = [V, T, W, O],
        [PlanAssignments] = [T, O],
        [RecordAttendance] = [W],
        [ManageCadres] = [T, O],
        [ManageUnits] = [O, L],
        [ManageTeams] = [T, O],
        [EditRegionUnits] = [V, T, O],
        [EditNoticeBoard] = [W, V, T, O],
        [FilePetitions] = [V, T, W, L, C, O],
        [RouteCases] = [T, L, O],
        [HandleRegionCases] = [V, T, W, L, O],
        [HandleDepartmentCases] = [O],
        [ApproveExtensions] = [L, O],
        [FollowCases] = [V, T, W, L, O],
        [ReviewCases] = [T, C, L, O],
        [SeeAccusers] = [C, L],
        [ManageDepartments] = [O, L],
        [SendBroadcasts] = [T, L, O],
        [ProposeProjects] = [V, T, W, L],
        [ManageProjects] = [T, L],
        [ManageFunds] = [T, L],
    };

    public static IReadOnlyList<string> All { get; } = [.. Matrix.Keys];

    /// <summary>The roles holding a permission; an unknown name is a programming error.</summary>
    public static IReadOnlyList<string> RolesFor(string permission) =>
        Matrix.TryGetValue(permission, out var roles) ? roles : throw new ArgumentException($"No permission {permission}.", nameof(permission));

    /// <summary>True when any of the roles holds the permission.</summary>
    public static bool Allows(IEnumerable<string> roles, string permission) => roles.Any(RolesFor(permission).Contains);

    /// <summary>The permissions a role holds.</summary>
    public static IEnumerable<string> Of(string role) => Matrix.Where(p => p.Value.Contains(role)).Select(p => p.Key);

    /// <summary>The policy of a permission: a signed-in caller holding one of its roles.</summary>
    public static AuthorizationPolicy Policy(string permission) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(RolesFor(permission)).Build();

    /// <summary>
    /// Registers one authorization policy per permission, named as the permission, and makes
    /// <see cref="Work"/> the fallback of every endpoint that names none (anonymous ones opt out).
    /// </summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var permission in Matrix.Keys)
        {
            authorization.AddPolicy(permission, Policy(permission));
        }

        return authorization.SetFallbackPolicy(Policy(Work));
    }
}
