namespace MassWork.Visits.ContactCards;

/// <summary>A household of the village and whether (and at which visit first) it was handed the contact card; HandedOverAt in Asia/Shanghai.</summary>
public sealed record ContactCardLine(Guid HouseholdId, string HouseholdNumber, string HeadName, bool HandedOver, DateTimeOffset? HandedOverAt, Guid? VisitId);

/// <summary>The village's households with and without a card, counted, and one page of them by household number.</summary>
public sealed record ContactCardPage(string Village, long Households, long WithCard, long WithoutCard, int Page, int PageSize, IReadOnlyList<ContactCardLine> Lines);

/// <summary>
/// 民情联系卡: which households of a village (as the register has them now) were handed the
/// contact card at a visit, and which still lack one.
/// </summary>
public sealed class ContactCardQuery(VisitsDbContext db)
{
    public async Task<ContactCardPage> PageAsync(string village, bool? handedOver, int page, int pageSize, CancellationToken cancellationToken)
    {
        var households = db.Households.AsNoTracking().Where(h => h.VillageCode == village);
        var cards = db.VisitHouseholds.Where(x => x.ContactCardHandedOver);
        var total = await households.LongCountAsync(cancellationToken);
        var withCard = await households.LongCountAsync(h => cards.Any(c => c.HouseholdId == h.Id), cancellationToken);
        if (handedOver is { } wanted)
        {
            households = households.Where(h => cards.Any(c => c.HouseholdId == h.Id) == wanted);
        }

        var lines = await households.OrderBy(h => h.HouseholdNumber).ThenBy(h => h.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(h => new
            {
                h.Id,
                h.HouseholdNumber,
                h.HeadName,
                First = db.Visits.Where(v => v.Households.Any(x => x.HouseholdId == h.Id && x.ContactCardHandedOver))
                    .OrderBy(v => v.VisitedAt).Select(v => new { v.Id, v.VisitedAt }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new ContactCardPage(village, total, withCard, total - withCard, page, pageSize,
            [.. lines.Select(l => new ContactCardLine(l.Id, l.HouseholdNumber, l.HeadName, l.First is not null, ChinaTime.Local(l.First?.VisitedAt), l.First?.Id))]);
    }
}
