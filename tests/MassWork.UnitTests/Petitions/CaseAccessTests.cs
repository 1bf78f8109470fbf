using MassWork.Petitions.Cases;
using MassWork.Petitions.Deadlines;

namespace MassWork.UnitTests.Petitions;

/// <summary>
/// Who may act on a case, for every combination of roles, every level of region and every kind of
/// holder: CaseAccess reads the permission matrix, and must answer as the role rules it replaced did.
/// </summary>
public sealed class CaseAccessTests
{
    private static readonly CaseRules Rules = new(PetitionPolicy.Default, new DeadlineCalculator(DeadlineTests.SpringFestival2026));
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private const string OwnDepartment = "360702-SBJ";

    /// <summary>The case's village, its town, county and city, a neighbouring town and another city.</summary>
    private static readonly string[] Regions = ["360702003201", "360702003", "360702", "3607", "360702004", "3608"];

    /// <summary>A case with no holder, held by its town, by another town, by the caller's department and by another department.</summary>
    private static IEnumerable<(string Name, Case Case)> Cases(MatterType type)
    {
        yield return ("unassigned", CaseLifeTests.NewCase(type: type));
        foreach (var holder in new[]
        {
            new Holder(HolderKind.Region, "360702003000", "解放街道"), new Holder(HolderKind.Region, "360702004000", "南外街道"),
            new Holder(HolderKind.Department, OwnDepartment, "章贡区人社局"), new Holder(HolderKind.Department, "360702-ZJJ", "章贡区住建局"),
        })
        {
            var c = CaseLifeTests.NewCase(type: type);
            c.Assign(holder, "router", null, Rules, T0.AddHours(1));
            yield return ($"held by {holder.Code}", c);
        }
    }

    /// <summary>Every set of roles a token can carry: none, one, or several.</summary>
    private static IEnumerable<HashSet<string>> RoleSets() =>
        Enumerable.Range(0, 1 << Roles.All.Count).Select(mask => Roles.All.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet());

    [Fact]
    public void Every_caller_may_do_to_every_case_what_the_role_rules_allowed()
    {
        var checkedCount = 0;
        foreach (var (name, c) in Cases(MatterType.Request))
        {
            foreach (var region in Regions)
            {
                foreach (var roles in RoleSets())
                {
                    var caller = new Caller("u", roles, region);
                    foreach (var permission in Enum.GetValues<CasePermission>())
                    {
                        Assert.True(
                            Formerly(roles, region, c, permission) == CaseAccess.Allows(caller, c, permission, [OwnDepartment]),
                            $"{permission} on a case {name}, by [{string.Join(", ", roles)}] of {region}");
                        checkedCount++;
                    }
                }
            }
        }

        Assert.Equal(5 * Regions.Length * (1 << Roles.All.Count) * Enum.GetValues<CasePermission>().Length, checkedCount);
    }

    [Fact]
    public void Only_county_or_city_leaders_and_departments_see_who_accused()
    {
        var accusation = CaseLifeTests.NewCase(type: MatterType.Accusation);
        var request = CaseLifeTests.NewCase();
        foreach (var region in Regions)
        {
            foreach (var roles in RoleSets())
            {
                var caller = new Caller("u", roles, region);
                var formerly = region.Length <= 6 && (roles.Contains(Roles.Leader) || roles.Contains(Roles.CountyDepartment));
                Assert.True(formerly == CaseAccess.SeesAccusers(caller), $"[{string.Join(", ", roles)}] of {region}");
                Assert.Equal(formerly, CaseAccess.SeesPetitioner(caller, accusation));
                Assert.True(CaseAccess.SeesPetitioner(caller, request));
            }
        }
    }

    [Theory]
    [InlineData(Roles.TownStaff, "360702003", CasePermission.Route, true)]
    [InlineData(Roles.VillageStaff, "360702003201", CasePermission.Route, false)]
    [InlineData(Roles.Leader, "360702", CasePermission.Approve, true)]
    [InlineData(Roles.TownStaff, "360702003", CasePermission.Approve, false)]
    [InlineData(Roles.TownStaff, "360702003", CasePermission.Review, false)]
    [InlineData(Roles.TownStaff, "360702", CasePermission.Review, true)]
    [InlineData(Roles.CountyDepartment, "360702", CasePermission.Follow, false)]
    [InlineData(Roles.Operator, "3607", CasePermission.Handle, true)]
    [InlineData(Roles.Operator, "3608", CasePermission.Read, false)]
    public void A_few_answers_written_out(string role, string region, CasePermission permission, bool allowed)
    {
        var c = CaseLifeTests.NewCase();
        c.Assign(new Holder(HolderKind.Region, "360702003000", "解放街道"), "router", null, Rules, T0.AddHours(1));

        Assert.Equal(allowed, CaseAccess.Allows(new Caller("u", new HashSet<string> { role }, region), c, permission, []));
    }

    /// <summary>The rules as CaseAccess wrote them with role names, before they moved into the permission matrix.</summary>
    private static bool Formerly(IReadOnlySet<string> roles, string region, Case c, CasePermission permission)
    {
        string[] routers = [Roles.TownStaff, Roles.Leader, Roles.Operator];
        string[] regionHandlers = [Roles.TownStaff, Roles.VillageStaff, Roles.WorkTeam, Roles.Leader, Roles.Operator];
        string[] reviewers = [Roles.Leader, Roles.CountyDepartment, Roles.TownStaff, Roles.Operator];
        var holdsIt = c.Holder is { Kind: HolderKind.Department } holder && holder.Code == OwnDepartment;
        var covers = c.RegionCode.StartsWith(region, StringComparison.Ordinal);
        return permission switch
        {
            CasePermission.Read => covers || holdsIt,
            CasePermission.Route => covers && routers.Any(roles.Contains),
            CasePermission.Handle => c.Holder switch
            {
                { Kind: HolderKind.Department } => holdsIt || (covers && roles.Contains(Roles.Operator)),
                { Kind: HolderKind.Region } h => h.Code.StartsWith(region, StringComparison.Ordinal) && regionHandlers.Any(roles.Contains),
                _ => covers && regionHandlers.Any(roles.Contains),
            },
            CasePermission.Approve => covers && (roles.Contains(Roles.Leader) || roles.Contains(Roles.Operator)),
            CasePermission.Follow => covers && regionHandlers.Any(roles.Contains),
            CasePermission.Review => covers && region.Length <= 6 && reviewers.Any(roles.Contains),
            _ => throw new ArgumentOutOfRangeException(nameof(permission)),
        };
    }
}
