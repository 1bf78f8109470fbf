using MassWork.Visits.SpotChecks;

namespace MassWork.Visits.Records;

/// <summary>The filters of the visit list; every one optional.</summary>
public sealed record VisitFilter(Guid? Household, Guid? Cadre, string? Village, DateOnly? From, DateOnly? To);

/// <summary>
/// Reads visits within a region: a visit is seen by whoever covers one of its households, with the
/// households, demands and spot-check flags of that region only (a meeting of two villages shows
/// each village its own). Names come from the read model at read time, so a renamed cadre shows as
/// now named; a failed phone spot-check call naming the visit shows as its flag.
/// </summary>
public sealed class VisitReader(VisitsDbContext db)
{
    public async Task<VisitView?> GetAsync(Guid id, string regionPrefix, CancellationToken cancellationToken)
    {
        var visit = await InRegion(regionPrefix).Include(v => v.Households).Include(v => v.Cadres).Include(v => v.Demands).AsSplitQuery()
            .SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return visit is null ? null : await ViewAsync(visit, regionPrefix, cancellationToken);
    }

    public async Task<VisitPage> ListAsync(string regionPrefix, VisitFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = InRegion(regionPrefix);
        if (filter.Household is { } household)
        {
            query = query.Where(v => v.Households.Any(h => h.HouseholdId == household));
        }

        if (filter.Cadre is { } cadre)
        {
            query = query.Where(v => v.Cadres.Any(c => c.CadreId == cadre));
        }

        if (filter.Village is { } village)
        {
            query = query.Where(v => v.Households.Any(h => h.VillageCode == village));
        }

        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOf(from);
            query = query.Where(v => v.VisitedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOf(to.AddDays(1));
            query = query.Where(v => v.VisitedAt < end);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var visits = await query.Include(v => v.Households).Include(v => v.Cadres).Include(v => v.Demands).AsSplitQuery()
            .OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new VisitPage(total, page, pageSize, await ViewsAsync(visits, regionPrefix, cancellationToken));
    }

    public async Task<VisitView> ViewAsync(Visit visit, string regionPrefix, CancellationToken cancellationToken) => (await ViewsAsync([visit], regionPrefix, cancellationToken))[0];

    /// <summary>Households' number and head by id, as the read model has them now.</summary>
    public async Task<Dictionary<Guid, (string Number, string Head)>> HouseholdNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Households.AsNoTracking().Where(h => list.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => (h.HouseholdNumber, h.HeadName), cancellationToken);
    }

    private IQueryable<Visit> InRegion(string regionPrefix) =>
        db.Visits.AsNoTracking().Where(v => v.Households.Any(h => h.VillageCode.StartsWith(regionPrefix)));

    private async Task<List<VisitView>> ViewsAsync(IReadOnlyList<Visit> visits, string regionPrefix, CancellationToken cancellationToken)
    {
        var cadreIds = visits.SelectMany(v => v.Cadres).Select(c => c.CadreId).Distinct().ToList();
        var householdIds = visits.SelectMany(v => v.Households).Select(h => h.HouseholdId);
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var households = await HouseholdNamesAsync(householdIds, cancellationToken);
        var visitIds = visits.Select(v => v.Id).ToList();
        var failed = await db.SpotCheckCalls.AsNoTracking()
            .Where(c => c.Outcome == CallOutcome.Failed && c.VisitIds.Any(id => visitIds.Contains(id)))
            .Select(c => new { c.VisitIds, Flag = new SpotCheckFlagView(c.SpotCheckId, c.Id, c.HouseholdId, c.AnsweredAt!.Value) })
            .ToListAsync(cancellationToken);
        var flags = failed.SelectMany(c => c.VisitIds.Select(id => (id, c.Flag))).ToLookup(x => x.id, x => x.Flag);
        return [.. visits.Select(v => VisitView.Of(v, cadres, households, flags[v.Id], regionPrefix))];
    }
}
