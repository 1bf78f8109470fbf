using MassWork.Personnel.Cadres;
using MassWork.Personnel.Pairings;

namespace MassWork.UnitTests.Personnel;

public sealed class CoverageAndAssignmentTests
{
    private const string Village = "360731105201";

    [Theory]
    [InlineData(CoverageMode.Single, 70, 50, 40, 80)]
    [InlineData(CoverageMode.Double, 70, 50, 40, 40)]
    [InlineData(CoverageMode.Single, 0, 0, 0, 0)]
    public void Covered_households_follow_the_citys_mode(CoverageMode mode, long resident, long full, long both, long covered) =>
        Assert.Equal(covered, new CoveragePolicy { CityCode = "3607", Mode = mode }.Covered(resident, full, both));

    [Theory]
    [InlineData(CoverageMode.Double, 100, 100, 100, false)]
    [InlineData(CoverageMode.Double, 100, 100, 99, true)]
    [InlineData(CoverageMode.Single, 100, 100, 0, false)]
    [InlineData(CoverageMode.Single, 100, 0, 100, false)]
    [InlineData(CoverageMode.Single, 100, 60, 50, true)]
    [InlineData(CoverageMode.Single, 100, 0, 0, true)]
    public void Villages_that_cannot_have_gaps_are_ruled_out_from_their_counts(CoverageMode mode, long households, long resident, long full, bool mayHaveGaps) =>
        Assert.Equal(mayHaveGaps, new CoveragePolicy { CityCode = "3607", Mode = mode }.MayHaveGaps(households, resident, full));

    [Fact]
    public void Double_coverage_asks_for_each_missing_kind()
    {
        var policy = new CoveragePolicy { CityCode = "3607", Mode = CoverageMode.Double };

        Assert.Equal([PairingKind.Resident, PairingKind.FullCoverage], policy.MissingKinds(false, false, residentAvailable: true));
        Assert.Equal([PairingKind.FullCoverage], policy.MissingKinds(true, false, residentAvailable: true));
        Assert.Empty(policy.MissingKinds(true, true, residentAvailable: true));
    }

    [Fact]
    public void Single_coverage_prefers_a_resident_member_when_the_village_has_one()
    {
        var policy = CoveragePolicy.DefaultFor("3607");

        Assert.Equal([PairingKind.Resident], policy.MissingKinds(false, false, residentAvailable: true));
        Assert.Equal([PairingKind.FullCoverage], policy.MissingKinds(false, false, residentAvailable: false));
        Assert.Empty(policy.MissingKinds(false, true, residentAvailable: true));
    }

    [Fact]
    public void Minimums_default_to_the_seeds_and_depend_on_kind_and_rank()
    {
        var policy = CoveragePolicy.DefaultFor("3607");

        Assert.Equal(5, policy.MinimumFor(PairingKind.FullCoverage, CadreRank.SectionLevel));
        Assert.Equal(3, policy.MinimumFor(PairingKind.FullCoverage, CadreRank.General));
        Assert.Equal(10, policy.MinimumFor(PairingKind.Resident, CadreRank.General));
    }

    [Fact]
    public void A_policy_names_each_bad_figure_and_judges_presence_days_by_its_period()
    {
        var validator = new CoveragePolicyValidator();
        var good = new PolicyRequest("Double", 10, 10, 5, 3, 20, "month", null);

        Assert.Empty(validator.Validate(good).ToErrors());
        var errors = validator.Validate(new PolicyRequest("2", null, 501, 5, 3, 8, "Fortnight", 50)).ToErrors();
        Assert.Equal(["checkInRadiusMeters", "minResidentGeneral", "minResidentSectionLevel", "mode", "presenceDays", "presencePeriod"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["minResidentGeneral must be between 0 and 500."], errors["minResidentGeneral"]);
        Assert.Equal(["Required."], errors["minResidentSectionLevel"]);
        Assert.Equal(["Between 0 and 7 for a week."], errors["presenceDays"]);
    }

    [Fact]
    public void Households_are_spread_so_loads_differ_by_at_most_one()
    {
        var cadres = Enumerable.Range(0, 7).Select(i => Candidate(PairingKind.Resident, load: 0)).ToList();
        var slots = Enumerable.Range(0, 100).Select(_ => Slot(PairingKind.Resident)).ToList();

        var plan = AssignmentPlanner.Plan(slots, cadres, AssignmentMode.Village);

        var loads = plan.Pairings.GroupBy(p => p.CadreId).Select(g => g.Count()).ToList();
        Assert.Equal(100, plan.Pairings.Count);
        Assert.Equal(7, loads.Count);
        Assert.True(loads.Max() - loads.Min() <= 1, $"loads {string.Join(",", loads)}");
    }

    [Fact]
    public void Existing_loads_are_evened_out_first()
    {
        var busy = Candidate(PairingKind.Resident, load: 10);
        var idle = Candidate(PairingKind.Resident, load: 0);

        var plan = AssignmentPlanner.Plan(Enumerable.Range(0, 10).Select(_ => Slot(PairingKind.Resident)), [busy, idle], AssignmentMode.Village);

        Assert.All(plan.Pairings, p => Assert.Equal(idle.CadreId, p.CadreId));
    }

    [Fact]
    public void A_resident_member_takes_the_households_of_their_own_groups()
    {
        var groupA = Guid.NewGuid();
        var groupB = Guid.NewGuid();
        var a = Candidate(PairingKind.Resident, 0, groups: [groupA]);
        var b = Candidate(PairingKind.Resident, 0, groups: [groupB]);
        var slots = Enumerable.Range(0, 6).Select(i => Slot(PairingKind.Resident, i % 2 == 0 ? groupA : groupB)).ToList();

        var plan = AssignmentPlanner.Plan(slots, [a, b], AssignmentMode.Village);

        var groupOf = slots.ToDictionary(s => s.HouseholdId, s => s.GroupId);
        Assert.All(plan.Pairings, p => Assert.Equal(p.CadreId == a.CadreId ? groupA : groupB, groupOf[p.HouseholdId]));
    }

    [Fact]
    public void Group_preference_yields_when_it_would_unbalance_loads()
    {
        var group = Guid.NewGuid();
        var owner = Candidate(PairingKind.Resident, 0, groups: [group]);
        var other = Candidate(PairingKind.Resident, 0);

        var plan = AssignmentPlanner.Plan(Enumerable.Range(0, 10).Select(_ => Slot(PairingKind.Resident, group)), [owner, other], AssignmentMode.Village);

        var ownerShare = plan.Pairings.Count(p => p.CadreId == owner.CadreId);
        Assert.InRange(ownerShare, 5, 6);
    }

    [Fact]
    public void Kinds_go_to_cadres_of_that_kind_and_villages_to_their_own_team()
    {
        var resident = Candidate(PairingKind.Resident, 0);
        var full = Candidate(PairingKind.FullCoverage, 0);
        var elsewhere = Candidate(PairingKind.Resident, 0) with { VillageCode = "360731105202" };

        var plan = AssignmentPlanner.Plan([Slot(PairingKind.Resident), Slot(PairingKind.FullCoverage)], [resident, full, elsewhere], AssignmentMode.Village);

        Assert.Equal([(resident.CadreId, PairingKind.Resident), (full.CadreId, PairingKind.FullCoverage)],
            plan.Pairings.Select(p => (p.CadreId, p.Kind)).OrderBy(p => p.Kind));
    }

    [Fact]
    public void Households_with_no_cadre_in_reach_are_left_unassigned()
    {
        var plan = AssignmentPlanner.Plan([Slot(PairingKind.FullCoverage)], [Candidate(PairingKind.Resident, 0)], AssignmentMode.Village);

        Assert.Empty(plan.Pairings);
        Assert.Single(plan.Unassigned);
    }

    [Fact]
    public void Compound_mode_divides_each_compound_evenly_among_the_cadres_living_there()
    {
        var east = Guid.NewGuid();
        var west = Guid.NewGuid();
        var livingEast = Enumerable.Range(0, 3).Select(_ => Candidate(PairingKind.FullCoverage, 0) with { VillageCode = null, HomeCompoundId = east }).ToList();
        var livingWest = Candidate(PairingKind.FullCoverage, 0) with { VillageCode = null, HomeCompoundId = west };
        var slots = Enumerable.Range(0, 9).Select(_ => Slot(PairingKind.FullCoverage, compound: east))
            .Concat(Enumerable.Range(0, 4).Select(_ => Slot(PairingKind.FullCoverage, compound: west)))
            .Append(Slot(PairingKind.FullCoverage, compound: Guid.NewGuid()))
            .ToList();

        var plan = AssignmentPlanner.Plan(slots, [.. livingEast, livingWest], AssignmentMode.Compound);

        Assert.All(livingEast, c => Assert.Equal(3, plan.Pairings.Count(p => p.CadreId == c.CadreId)));
        Assert.Equal(4, plan.Pairings.Count(p => p.CadreId == livingWest.CadreId));
        Assert.Single(plan.Unassigned);
    }

    private static CandidateCadre Candidate(PairingKind kind, int load, IReadOnlyCollection<Guid>? groups = null) =>
        new(Guid.NewGuid(), kind, Village, groups ?? [], null, load);

    private static OpenSlot Slot(PairingKind kind, Guid? group = null, Guid? compound = null) =>
        new(Guid.NewGuid(), Village, group, compound, kind);

    [Theory]
    [InlineData(new string[0], "360702001201", true)]
    [InlineData(new[] { "360702001201" }, "360702001201", true)]
    [InlineData(new[] { "360702001201" }, "360702001202", false)]
    [InlineData(new[] { "360702001201", "360702001202" }, "360702001202", true)]
    public void A_cadre_on_a_work_team_is_paired_only_within_the_villages_their_teams_serve(string[] teamVillages, string householdVillage, bool allowed)
    {
        Assert.Equal(allowed, TeamVillageRule.Allows(teamVillages, householdVillage));
    }
}
