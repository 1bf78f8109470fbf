using MassWork.ServiceDefaults;
using MassWork.Visits.Demo;
using MassWork.Visits.Frequency;
using MassWork.Visits.Records;

namespace MassWork.UnitTests.Visits;

/// <summary>The demo town's year of visits: what a new user is meant to see in the figures, whatever day the demo is seeded.</summary>
public sealed class DemoVisitPlanTests
{
    private const int LateEntryDays = 3;

    // Two cadres per household (double coverage), pairings from 400 days back, as personnel's demo town has them.
    private static List<DemoPairing> Town(DateTimeOffset now, int households = 600)
    {
        var started = now.AddDays(-400);
        return
        [
            .. Enumerable.Range(0, households).SelectMany(h => new[]
            {
                new DemoPairing(Id(h), Id(100_000 + h % 20), $"360731105{200 + h % 6}", started, null),
                new DemoPairing(Id(h), Id(200_000 + h % 15), $"360731105{200 + h % 6}", started, h % 15 == 0 ? "demo-leader-1" : null),
            }),
        ];
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n + 1:D12}");

    public static TheoryData<string> SeedingDays => ["2026-12-02T10:00:00+08:00", "2027-01-03T00:30:00+08:00", "2028-02-29T23:59:00+08:00", "2026-07-01T08:00:00+08:00"];

    [Theory]
    [MemberData(nameof(SeedingDays))]
    public void Every_visit_passes_the_staff_checks_and_lies_in_the_year_before_the_seeding(string seededAt)
    {
        var now = DateTimeOffset.Parse(seededAt);
        var plan = DemoVisitPlan.Plan(Town(now), now, LateEntryDays);

        Assert.NotEmpty(plan);
        Assert.Equal(plan.Count, plan.Select(v => v.Request.ClientId).Distinct().Count());
        var validator = new VisitValidator();
        foreach (var visit in plan)
        {
            var errors = validator.Validate(visit.Request, visit.RecordedAt).ToErrors();
            Assert.True(errors.Count == 0, $"{visit.Request.ClientId}: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}");
            var checkedVisit = VisitValidator.Checked(visit.Request);
            Assert.InRange(checkedVisit.VisitedAt, now.AddDays(-365), now);
            Assert.InRange(visit.RecordedAt, checkedVisit.VisitedAt, now);
            // During the day, in Shanghai: a cadre knocks on doors between 08:30 and 18:00.
            Assert.InRange(ChinaTime.Local(checkedVisit.VisitedAt).TimeOfDay, TimeSpan.FromHours(8.5), TimeSpan.FromHours(18));
        }
    }

    [Fact]
    public void Most_pairings_get_their_three_contacts_and_a_few_households_are_left_behind_on_purpose()
    {
        var now = DateTimeOffset.Parse("2026-12-02T10:00:00+08:00");
        var pairings = Town(now);
        var plan = DemoVisitPlan.Plan(pairings, now, LateEntryDays);
        var contacts = plan.GroupBy(v => (v.Request.CadreIds![0], v.Request.HouseholdIds![0])).ToDictionary(g => g.Key, g => g.Count());
        var byHousehold = plan.GroupBy(v => v.Request.HouseholdIds![0]).ToDictionary(g => g.Key, g => g.Count());
        var households = pairings.Select(p => p.HouseholdId).Distinct().ToList();

        var never = households.Count(h => !byHousehold.ContainsKey(h));
        var once = households.Count(h => byHousehold.GetValueOrDefault(h) == 1);
        Assert.Equal(600 / DemoVisitPlan.NeverEvery, never);
        Assert.Equal(600 / DemoVisitPlan.OnceEvery, once);
        // Every other pairing owes the city's 3 contacts over the year and gets at least them.
        var required = FrequencyRules.Required(3, 365, 2026);
        Assert.All(pairings.Where(p => byHousehold.GetValueOrDefault(p.HouseholdId) > 1), p => Assert.True(contacts[(p.CadreId, p.HouseholdId)] >= required));
    }

    [Fact]
    public void The_year_has_home_visits_with_places_phone_calls_without_aid_contact_cards_late_entries_and_recent_demands()
    {
        var now = DateTimeOffset.Parse("2026-12-02T10:00:00+08:00");
        var plan = DemoVisitPlan.Plan(Town(now), now, LateEntryDays);

        var phone = plan.Where(v => v.Request.Mode == nameof(VisitMode.Phone)).ToList();
        Assert.NotEmpty(phone);
        Assert.All(phone, v => Assert.True(v.Request.Place is null && v.Request.Aid is null && v.Request.ContactCardHouseholdIds is null));
        Assert.All(plan.Where(v => v.Request.Mode == nameof(VisitMode.Home)), v => Assert.NotNull(v.Request.Place));
        Assert.Contains(plan, v => v.Request.Aid is { CashFen: > 0 });
        Assert.Contains(plan, v => VisitRules.IsLateEntry(v.Request.VisitedAt!.Value, v.RecordedAt, LateEntryDays));
        var demands = plan.Where(v => v.Request.Demands is { Count: > 0 }).ToList();
        Assert.NotEmpty(demands);
        Assert.All(demands, v => Assert.True(now - v.Request.VisitedAt!.Value < TimeSpan.FromDays(30)));
        // The same story on every installation seeded at the same moment.
        Assert.Equal(plan.Select(v => (v.Request.VisitedAt, v.Request.Mode)), DemoVisitPlan.Plan(Town(now), now, LateEntryDays).Select(v => (v.Request.VisitedAt, v.Request.Mode)));
    }
}
