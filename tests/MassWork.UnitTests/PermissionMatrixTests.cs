using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace MassWork.UnitTests;

/// <summary>The role matrix: the separation of the three administrators, its policies and the scope filters.</summary>
public sealed class PermissionMatrixTests
{
    private static readonly string[] SettingsPermissions =
        [Permissions.ManageSettings, Permissions.ManagePolicies, Permissions.ManageRegions, Permissions.OperateMessaging];

    private static readonly string[] SecurityPermissions = [Permissions.ManageAccounts, Permissions.ManageClients, Permissions.ManageKeys];

    [Fact]
    public void Every_permission_has_a_role_and_every_role_a_permission()
    {
        Assert.All(Permissions.All, p => Assert.NotEmpty(Permissions.RolesFor(p)));
        Assert.All(Permissions.Matrix.Values.SelectMany(r => r), r => Assert.Contains(r, Roles.All));
        Assert.All(Roles.All, r => Assert.NotEmpty(Permissions.Of(r)));
    }

    [Fact]
    public void The_audit_administrator_only_reads_audit_and_nobody_else_does()
    {
        Assert.Equal([Permissions.ReadAudit], Permissions.Of(Roles.AuditAdmin));
        Assert.Equal([Roles.AuditAdmin], Permissions.RolesFor(Permissions.ReadAudit));
    }

    [Fact]
    public void The_system_administrator_keeps_settings_but_no_accounts_audit_or_work()
    {
        var held = Permissions.Of(Roles.SystemAdmin).ToHashSet();
        Assert.All(SettingsPermissions, p => Assert.Contains(p, held));
        Assert.All(SecurityPermissions.Append(Permissions.ReadAudit).Append(Permissions.Work), p => Assert.DoesNotContain(p, held));
        Assert.Equal(SettingsPermissions.Append(Permissions.ReadSettings).Order(), held.Order());
    }

    [Fact]
    public void The_security_administrator_keeps_accounts_and_keys_but_no_settings_audit_or_work()
    {
        var held = Permissions.Of(Roles.SecurityAdmin).ToHashSet();
        Assert.Equal(SecurityPermissions.Order(), held.Order());
        Assert.DoesNotContain(Roles.SecurityAdmin, Permissions.RolesFor(Permissions.ManageSettings));
        Assert.DoesNotContain(Roles.SecurityAdmin, Permissions.RolesFor(Permissions.ReadSettings));
    }

    [Fact]
    public void No_role_holds_the_permissions_of_two_administrators_except_the_legacy_operator()
    {
        foreach (var role in Roles.All.Except([Roles.Operator]))
        {
            var held = Permissions.Of(role).ToHashSet();
            var duties = new[] { SettingsPermissions, SecurityPermissions, [Permissions.ReadAudit] }.Count(d => d.Any(held.Contains));
            Assert.True(duties <= 1, $"{role} holds the duties of {duties} administrators.");
        }

        Assert.DoesNotContain(Roles.Operator, Permissions.RolesFor(Permissions.ReadAudit));
    }

    [Theory]
    [InlineData(Roles.AuditAdmin, Permissions.ManageSettings, false)]
    [InlineData(Roles.AuditAdmin, Permissions.Work, false)]
    [InlineData(Roles.SystemAdmin, Permissions.ReadAudit, false)]
    [InlineData(Roles.SystemAdmin, Permissions.ManageAccounts, false)]
    [InlineData(Roles.SystemAdmin, Permissions.ManageSettings, true)]
    [InlineData(Roles.SecurityAdmin, Permissions.ManageSettings, false)]
    [InlineData(Roles.SecurityAdmin, Permissions.ManageAccounts, true)]
    [InlineData(Roles.Operator, Permissions.ManageSettings, true)]
    [InlineData(Roles.Leader, Permissions.ManageSettings, false)]
    [InlineData(Roles.TownStaff, Permissions.ReadHouseholdDetails, true)]
    [InlineData(Roles.VillageStaff, Permissions.ReadHouseholdDetails, false)]
    [InlineData(Roles.WorkTeam, Permissions.RecordAttendance, true)]
    public void A_caller_can_what_its_roles_hold(string role, string permission, bool can)
    {
        Assert.Equal(can, new Caller("u", new HashSet<string> { role }, "3607").Can(permission));
    }

    [Fact]
    public async Task Each_permission_is_a_policy_of_its_roles_and_the_fallback_is_work()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationBuilder().AddPermissionPolicies();
        await using var provider = services.BuildServiceProvider();
        var policies = provider.GetRequiredService<IAuthorizationPolicyProvider>();
        foreach (var permission in Permissions.All)
        {
            var policy = await policies.GetPolicyAsync(permission);
            Assert.NotNull(policy);
            Assert.Equal(Permissions.RolesFor(permission).Order(), policy.Requirements.OfType<RolesAuthorizationRequirement>().Single().AllowedRoles.Order());
        }

        var fallback = await policies.GetFallbackPolicyAsync();
        Assert.Equal(Permissions.RolesFor(Permissions.Work).Order(), fallback!.Requirements.OfType<RolesAuthorizationRequirement>().Single().AllowedRoles.Order());
    }

    [Theory]
    [InlineData("3607", "code", "360731105201", null)]
    [InlineData("3608", "code", "360731105201", 403)]
    [InlineData("360731", "villageCode", "360702001201", 403)]
    [InlineData("360731", "code", "36073110", 400)]
    [InlineData("360731", "code", "abc", 400)]
    [InlineData("3607", "cityCode", "3607", null)]
    public void The_region_filter_checks_codes_in_the_route(string region, string name, string code, int? status)
    {
        var http = Request(region);
        http.Request.RouteValues[name] = code;

        Assert.Equal(status, StatusOf(RegionScope.OutsideProblem(http, RegionReach.Inside)));
    }

    [Theory]
    [InlineData("360731105", "region", " 3608 ", 403)]
    [InlineData("360731105", "region", "360731105", null)]
    [InlineData("360731105", "village", "360731105201", null)]
    [InlineData("360731105", "village", "", 400)]
    [InlineData("360731105", "villageCode", "360731106201", 403)]
    public void The_region_filter_checks_codes_in_the_query(string region, string name, string code, int? status)
    {
        var http = Request(region);
        http.Request.QueryString = QueryString.Create(name, code);

        Assert.Equal(status, StatusOf(RegionScope.OutsideProblem(http, RegionReach.Inside)));
    }

    [Theory]
    [InlineData("360731105", "3607", RegionReach.InsideOrAbove, null)]
    [InlineData("360731105", "3607", RegionReach.Inside, 403)]
    [InlineData("3608", "3607", RegionReach.InsideOrAbove, 403)]
    public void Reads_of_a_city_setting_reach_from_inside_the_city(string region, string city, RegionReach reach, int? status)
    {
        var http = Request(region);
        http.Request.RouteValues["cityCode"] = city;

        Assert.Equal(status, StatusOf(RegionScope.OutsideProblem(http, reach)));
    }

    [Theory]
    [InlineData("3607", null, null)]
    [InlineData("36", null, null)]
    [InlineData("3608", null, 403)]
    [InlineData("360731", null, 403)]
    [InlineData("3607", "3607", null)]
    [InlineData("3608", "3607", 403)]
    [InlineData("360731", "3607", 403)]
    [InlineData("3607", "36x7", 400)]
    public void City_wide_settings_need_a_city_level_token_of_the_city(string region, string? cityInRoute, int? status)
    {
        var http = Request(region, platformRegion: "3607");
        if (cityInRoute is not null)
        {
            http.Request.RouteValues["cityCode"] = cityInRoute;
        }

        Assert.Equal(status, StatusOf(RegionScope.CityProblem(http)));
    }

    [Fact]
    public void Without_a_platform_region_nobody_changes_platform_wide_settings()
    {
        Assert.Equal(403, StatusOf(RegionScope.CityProblem(Request("36", platformRegion: null))));
    }

    private static DefaultHttpContext Request(string region, string? platformRegion = "3607")
    {
        var services = new ServiceCollection().AddSingleton(new AuthOptions { PlatformRegion = platformRegion }).BuildServiceProvider();
        var identity = new ClaimsIdentity(
            [new Claim(MassWorkClaims.UserId, "u"), new Claim(MassWorkClaims.Region, region), new Claim(MassWorkClaims.Role, Roles.Operator)], "test");
        return new DefaultHttpContext { RequestServices = services, User = new ClaimsPrincipal(identity) };
    }

    private static int? StatusOf(IResult? result) => result switch
    {
        null => null,
        ProblemHttpResult p => p.StatusCode,
        ValidationProblem => 400,
        _ => throw new InvalidOperationException(result.GetType().Name),
    };
}
