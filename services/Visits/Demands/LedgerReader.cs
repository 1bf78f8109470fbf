using MassWork.Visits.Records;

namespace MassWork.Visits.Demands;

/// <summary>The filters of the village ledger; every one optional. Dates are the visits' Asia/Shanghai days, inclusive.</summary>
public sealed record LedgerFilter(string? Village, DemandStatus? Status, DateOnly? From, DateOnly? To);

/// <summary>
/// The village ledger (民情台账): the demands raised on visits within a region, newest first, each
/// with where its case stands; household numbers and heads from the read model at read time.
/// </summary>
public sealed class LedgerReader(VisitsDbContext db, VisitReader visits)
{
    public async Task<LedgerPage> PageAsync(string regionPrefix, LedgerFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Demands.AsNoTracking().Where(d => d.VillageCode.StartsWith(regionPrefix));
        if (filter.Village is { } village)
        {
            query = query.Where(d => d.VillageCode == village);
        }

        if (filter.Status is { } status)
        {
            var name = status.ToString();
            query = query.Where(d => d.Status == name);
        }

        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOf(from);
            query = query.Where(d => d.RaisedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOf(to.AddDays(1));
            query = query.Where(d => d.RaisedAt < end);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var demands = await query.OrderByDescending(d => d.RaisedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var households = await visits.HouseholdNamesAsync(demands.Select(d => d.HouseholdId), cancellationToken);
        return new LedgerPage(total, page, pageSize, [.. demands.Select(d => DemandView.Of(d, households))]);
    }
}
