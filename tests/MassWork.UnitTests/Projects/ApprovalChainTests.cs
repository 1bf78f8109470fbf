using MassWork.Projects.Approval;

namespace MassWork.UnitTests.Projects;

public sealed class ApprovalChainTests
{
    private const string Village = "360731105201";
    private static readonly IReadOnlySet<string> Staff = new HashSet<string> { Roles.TownStaff };
    private static readonly IReadOnlySet<string> Leader = new HashSet<string> { Roles.Leader };

    private static Dictionary<string, string[]> Errors(ApprovalPolicy policy) => new ApprovalPolicyValidator().Validate(policy).ToErrors();

    [Theory]
    [InlineData(1_00, new[] { ApprovalLevel.Town })]
    [InlineData(5_000_000, new[] { ApprovalLevel.Town })]
    [InlineData(5_000_001, new[] { ApprovalLevel.Town, ApprovalLevel.County })]
    [InlineData(50_000_000, new[] { ApprovalLevel.Town, ApprovalLevel.County })]
    [InlineData(50_000_001, new[] { ApprovalLevel.Town, ApprovalLevel.County, ApprovalLevel.City })]
    public void The_default_policy_chains_town_county_and_city_by_estimated_cost(long fen, ApprovalLevel[] levels)
    {
        var chain = ApprovalChain.For(ApprovalPolicy.Default, fen);

        Assert.Equal(levels, chain.Steps.Select(s => s.Level));
        Assert.Equal(levels[0], chain.Next(0)!.Level);
        Assert.Null(chain.Next(levels.Length));
        Assert.True(chain.IsComplete(levels.Length));
        Assert.False(chain.IsComplete(levels.Length - 1));
    }

    [Fact]
    public void A_step_is_given_by_one_of_its_roles_at_exactly_its_level_over_the_project()
    {
        var town = new ApprovalStepRule(ApprovalLevel.Town, [Roles.TownStaff, Roles.Leader]);
        var county = new ApprovalStepRule(ApprovalLevel.County, [Roles.Leader]);

        Assert.Null(ApprovalChain.WhyNot(town, Village, Staff, "360731105"));
        Assert.Null(ApprovalChain.WhyNot(town, Village, Leader, "360731105"));
        Assert.Null(ApprovalChain.WhyNot(county, Village, Leader, "360731"));
        Assert.Contains("role leader", ApprovalChain.WhyNot(county, Village, Staff, "360731"));
        Assert.Contains("6-digit", ApprovalChain.WhyNot(county, Village, Leader, "360731105"));
        Assert.Contains("9-digit", ApprovalChain.WhyNot(town, Village, Leader, "360731"));
        Assert.Contains("not in your", ApprovalChain.WhyNot(town, Village, Staff, "360731106"));
        Assert.Contains("not in your", ApprovalChain.WhyNot(county, Village, Leader, "360702"));
    }

    [Fact]
    public void A_policy_may_leave_out_a_level_and_its_last_tier_takes_everything_above()
    {
        var policy = new ApprovalPolicy([new ApprovalTier("County", 1_000_000, [Roles.Leader]), new ApprovalTier("City", null, [Roles.Leader, Roles.Operator])]);

        Assert.Empty(Errors(policy));
        Assert.Equal([ApprovalLevel.County], ApprovalChain.For(policy, 1_000_000).Steps.Select(s => s.Level));
        Assert.Equal([ApprovalLevel.County, ApprovalLevel.City], ApprovalChain.For(policy, long.MaxValue).Steps.Select(s => s.Level));
    }

    public static TheoryData<ApprovalPolicy, string> InvalidPolicies => new()
    {
        { new ApprovalPolicy([]), "tiers" },
        { new ApprovalPolicy(null), "tiers" },
        { new ApprovalPolicy([new("Town", 100, [Roles.TownStaff]), new("County", 100, [Roles.Leader]), new("City", null, [Roles.Leader])]), "tiers[1].upToFen" },
        { new ApprovalPolicy([new("Town", 100, [Roles.TownStaff]), new("County", 50, [Roles.Leader]), new("City", null, [Roles.Leader])]), "tiers[1].upToFen" },
        { new ApprovalPolicy([new("Town", -5, [Roles.TownStaff]), new("City", null, [Roles.Leader])]), "tiers[0].upToFen" },
        { new ApprovalPolicy([new("Town", null, [Roles.TownStaff]), new("City", null, [Roles.Leader])]), "tiers[0].upToFen" },
        { new ApprovalPolicy([new("Town", 100, [Roles.TownStaff]), new("City", 500, [Roles.Leader])]), "tiers[1].upToFen" },
        { new ApprovalPolicy([new("County", 100, [Roles.Leader]), new("Town", null, [Roles.Leader])]), "tiers[1].level" },
        { new ApprovalPolicy([new("Province", null, [Roles.Leader])]), "tiers[0].level" },
        { new ApprovalPolicy([new("Town", 100, ["mayor"]), new("City", null, [Roles.Leader])]), "tiers[0].roles" },
        { new ApprovalPolicy([new("Town", 100, []), new("City", null, [Roles.Leader])]), "tiers[0].roles" },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void A_policy_with_falling_or_missing_thresholds_unknown_levels_or_roles_is_refused_naming_the_field(ApprovalPolicy policy, string field)
    {
        Assert.Contains(field, Errors(policy).Keys);
    }

    [Fact]
    public void The_default_policy_is_valid()
    {
        Assert.Empty(Errors(ApprovalPolicy.Default));
    }

    [Fact]
    public void Every_tier_at_fault_is_named_and_a_null_tier_by_its_place()
    {
        var errors = Errors(new ApprovalPolicy([null!, new("Province", 100, ["mayor"]), new("City", 5, [Roles.Leader])]));

        Assert.Equal(["tiers[0]", "tiers[1].level", "tiers[1].roles", "tiers[2].upToFen"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
