using MassWork.Visits.Cadres;
using MassWork.Visits.Households;
using MassWork.Visits.Pairings;
using MassWork.Visits.Records;
using Microsoft.AspNetCore.Http;

namespace MassWork.UnitTests.Visits;

public sealed class VisitScopeTests
{
    private const string Village = "360702001201";
    private const string OtherVillage = "360702001202";

    private static readonly DateTimeOffset VisitedAt = new(2026, 6, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly CadreRecord Cadre = new() { Id = Guid.NewGuid(), Name = "叶志明", Rank = "General", RegionCode = "360702001000", UserId = "ye.zhiming" };

    private static HouseholdRecord Household(string village = Village) =>
        new() { Id = Guid.NewGuid(), HouseholdNumber = $"ZG-{Random.Shared.Next(10_000)}", VillageCode = village, HeadName = "刘桂英" };

    private static PairingRecord Pairing(HouseholdRecord household, DateTimeOffset? started = null, DateTimeOffset? ended = null) =>
        new() { Id = Guid.NewGuid(), Kind = "Resident", HouseholdId = household.Id, CadreId = Cadre.Id, VillageCode = household.VillageCode, StartedAt = started, EndedAt = ended };

    private static Caller Staff(string region = "360702001") => new("town-clerk", new HashSet<string> { Roles.TownStaff }, region);

    private static Caller TeamMember(string userId) => new(userId, new HashSet<string> { Roles.WorkTeam }, "360702001");

    [Fact]
    public void Staff_record_a_visit_to_a_household_paired_with_the_cadre_named()
    {
        var household = Household();

        Assert.Null(VisitScope.Check(Staff(), [household], [Cadre], [Pairing(household, VisitedAt.AddDays(-30))], VisitedAt));
    }

    [Fact]
    public void A_household_outside_the_callers_region_is_refused_by_its_place_in_the_list()
    {
        var inside = Household();
        var outside = Household("360703001201");

        var refusal = VisitScope.Check(Staff("360702"), [inside, outside], [Cadre], [Pairing(inside), Pairing(outside)], VisitedAt);

        Assert.Equal(StatusCodes.Status403Forbidden, refusal?.StatusCode);
        Assert.Contains("householdIds[1]", refusal!.ProblemDetails.Detail);
        Assert.Contains("360703001201", refusal.ProblemDetails.Detail);
    }

    [Fact]
    public void A_household_in_a_village_where_the_cadre_holds_pairings_may_be_visited_unpaired()
    {
        var paired = Household();
        var neighbour = Household();

        Assert.Null(VisitScope.Check(Staff(), [paired, neighbour], [Cadre], [Pairing(paired)], VisitedAt));
    }

    [Fact]
    public void A_household_neither_paired_nor_in_a_village_the_cadres_serve_is_refused()
    {
        var paired = Household();
        var elsewhere = Household(OtherVillage);

        var refusal = VisitScope.Check(Staff(), [paired, elsewhere], [Cadre], [Pairing(paired)], VisitedAt);

        Assert.Equal(StatusCodes.Status403Forbidden, refusal?.StatusCode);
        Assert.Contains("householdIds[1]", refusal!.ProblemDetails.Detail);
        Assert.Contains(elsewhere.HouseholdNumber, refusal.ProblemDetails.Detail);
    }

    [Fact]
    public void Pairings_count_as_they_stood_at_the_time_of_the_visit()
    {
        var household = Household();

        Assert.NotNull(VisitScope.Check(Staff(), [household], [Cadre], [Pairing(household, started: VisitedAt.AddMinutes(1))], VisitedAt));
        Assert.NotNull(VisitScope.Check(Staff(), [household], [Cadre], [Pairing(household, VisitedAt.AddDays(-9), ended: VisitedAt)], VisitedAt));
        // A visit entered late still counts for a pairing that has ended since.
        Assert.Null(VisitScope.Check(Staff(), [household], [Cadre], [Pairing(household, VisitedAt.AddDays(-9), ended: VisitedAt.AddHours(1))], VisitedAt));
    }

    [Fact]
    public void A_pairing_known_only_from_its_end_counts_until_then()
    {
        var pairing = Pairing(Household(), started: null, ended: VisitedAt.AddHours(1));

        Assert.True(pairing.ActiveAt(VisitedAt));
        Assert.False(pairing.ActiveAt(VisitedAt.AddHours(1)));
    }

    [Fact]
    public void A_work_team_member_records_only_visits_they_made_themselves()
    {
        var household = Household();
        var pairings = new[] { Pairing(household) };

        Assert.Null(VisitScope.Check(TeamMember("ye.zhiming"), [household], [Cadre], pairings, VisitedAt));
        var refusal = VisitScope.Check(TeamMember("someone.else"), [household], [Cadre], pairings, VisitedAt);
        Assert.Equal(StatusCodes.Status403Forbidden, refusal?.StatusCode);
        Assert.StartsWith("cadreIds", refusal!.ProblemDetails.Detail);
        var alsoStaff = new Caller("someone.else", new HashSet<string> { Roles.WorkTeam, Roles.VillageStaff }, "360702001");
        Assert.Null(VisitScope.Check(alsoStaff, [household], [Cadre], pairings, VisitedAt));
    }
}
