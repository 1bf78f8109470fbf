using MassWork.Visits.Frequency;
using MassWork.Visits.Records;
using Microsoft.Extensions.Options;

namespace MassWork.Visits.Due;

/// <summary>A cadre and a household paired with them in the year: contacts owed and done, the last visit (Asia/Shanghai) and the standing.</summary>
public sealed record DueLine(
    Guid CadreId, string? CadreName, Guid HouseholdId, string? HouseholdNumber, string? HeadName, string VillageCode,
    int Required, int Done, DateTimeOffset? LastVisitedAt, ContactStanding Standing);

/// <summary>One page of the list, the most urgent first; Behind counts the lines not done, over every page.</summary>
public sealed record DuePage(int Year, int Total, int Behind, int Page, int PageSize, IReadOnlyList<DueLine> Lines);

/// <summary>Whose households the list is about: one cadre's, or every pairing of one village.</summary>
public sealed record DueFilter(Guid? Cadre, string? Village, bool BehindOnly);

/// <summary>
/// 走访进度: for each (cadre, household) paired in a year, the contacts owed for the days paired
/// (<see cref="FrequencyRules"/>, the city's policy) against the distinct days with a visit — what
/// the frequency sweeper judges at the year's end, shown while there is still time. Bounded by one
/// cadre or one village, so it is computed when asked: the pairings in C#, the contacts in one
/// grouped query.
/// </summary>
public sealed class DueContactsQuery(VisitsDbContext db, IOptions<VisitOptions> options, TimeProvider clock)
{
    private sealed record ContactCount(Guid CadreId, Guid HouseholdId, int Done, DateTimeOffset LastVisitedAt);

    public async Task<DuePage> PageAsync(string regionPrefix, DueFilter filter, int year, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (periodStart, periodEnd) = (ChinaTime.StartOf(new DateOnly(year, 1, 1)), FrequencyRules.YearEnd(year));
        var pairings = db.Pairings.AsNoTracking()
            .Where(p => (p.StartedAt == null || p.StartedAt < periodEnd) && (p.EndedAt == null || p.EndedAt > periodStart))
            .Where(p => p.VillageCode.StartsWith(regionPrefix));
        pairings = filter.Cadre is { } cadre ? pairings.Where(p => p.CadreId == cadre) : pairings.Where(p => p.VillageCode == filter.Village);
        var held = await (
                from p in pairings
                join h in db.Households on p.HouseholdId equals h.Id into hs
                from h in hs.DefaultIfEmpty()
                join c in db.Cadres on p.CadreId equals c.Id into cs
                from c in cs.DefaultIfEmpty()
                select new { p.CadreId, p.HouseholdId, p.VillageCode, p.StartedAt, p.EndedAt, CadreName = c.Name, h.HouseholdNumber, h.HeadName })
            .ToListAsync(cancellationToken);

        var contacts = await ContactsAsync([.. held.Select(p => p.CadreId).Distinct()], [.. held.Select(p => p.HouseholdId).Distinct()], periodStart, periodEnd, cancellationToken);
        var cities = await CityPolicies.LoadAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var lines = held
            .GroupBy(p => (p.CadreId, p.HouseholdId))
            .Select(g =>
            {
                // As the sweeper: the days of every pairing of the pair summed, the village of the latest.
                var latest = g.OrderByDescending(p => p.StartedAt ?? DateTimeOffset.MinValue).First();
                var days = Math.Min(g.Sum(p => FrequencyRules.PairedDays(p.StartedAt, p.EndedAt, year)), FrequencyRules.TableLength - 1);
                var policy = cities.For(latest.VillageCode);
                var required = FrequencyRules.Required(policy.HouseholdContactsPerYear, days, year);
                var done = contacts.GetValueOrDefault(g.Key);
                return new DueLine(g.Key.CadreId, latest.CadreName, g.Key.HouseholdId, latest.HouseholdNumber, latest.HeadName, latest.VillageCode,
                    required, done?.Done ?? 0, ChinaTime.Local(done?.LastVisitedAt),
                    ContactStandings.Of(required, done?.Done ?? 0, year, policy, options.Value.LateEntryDays, now));
            })
            .Where(l => l.Required > 0)
            .ToList();

        var behind = lines.Count(l => l.Standing != ContactStanding.Done);
        var listed = lines.Where(l => !filter.BehindOnly || l.Standing != ContactStanding.Done)
            .OrderByDescending(l => l.Standing)
            .ThenByDescending(l => l.Required - l.Done)
            .ThenBy(l => l.HouseholdNumber, StringComparer.Ordinal)
            .ThenBy(l => l.CadreName, StringComparer.Ordinal)
            .ToList();
        return new DuePage(year, listed.Count, behind, page, pageSize, [.. listed.Skip((page - 1) * pageSize).Take(pageSize)]);
    }

    private async Task<Dictionary<(Guid, Guid), ContactCount>> ContactsAsync(
        Guid[] cadres, Guid[] households, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        if (cadres.Length == 0)
        {
            return [];
        }

        var counts = await db.Database.SqlQueryRaw<ContactCount>($"""
                SELECT vc.cadre_id AS "CadreId", vh.household_id AS "HouseholdId", {AlertDetection.ContactDays} AS "Done", max(v.visited_at) AS "LastVisitedAt"
                FROM visits v
                JOIN visit_cadres vc ON vc.visit_id = v.id
                JOIN visit_households vh ON vh.visit_id = v.id
                WHERE v.visited_at >= @period_start AND v.visited_at < @period_end AND vc.cadre_id = ANY(@cadres) AND vh.household_id = ANY(@households)
                GROUP BY vc.cadre_id, vh.household_id
                """,
                new NpgsqlParameter("zone", ChinaTime.Zone.Id), new NpgsqlParameter("period_start", periodStart), new NpgsqlParameter("period_end", periodEnd),
                new NpgsqlParameter("cadres", cadres), new NpgsqlParameter("households", households))
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => (c.CadreId, c.HouseholdId));
    }
}
