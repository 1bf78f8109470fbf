using MassWork.Visits.Demands;

namespace MassWork.Visits.Records;

public sealed record VisitCadreView(Guid Id, string Name);

/// <summary>A household of a visit; ContactCardHandedOver when it was handed the contact card (民情联系卡) then.</summary>
public sealed record VisitHouseholdView(Guid Id, string HouseholdNumber, string HeadName, string VillageCode, bool ContactCardHandedOver);

/// <summary>送温暖 in fen (分): cash, goods, and the two together.</summary>
public sealed record AidView(long CashFen, IReadOnlyList<AidGoods> Goods, long TotalFen);

/// <summary>A phone spot-check call (电话抽查) in which the household said it was not visited: the visit is flagged by it.</summary>
public sealed record SpotCheckFlagView(Guid SpotCheckId, Guid CallId, Guid HouseholdId, DateTimeOffset AnsweredAt);

/// <summary>A visit as staff read it; times in Asia/Shanghai (+08:00). SpotCheckFlags: the failed spot-check calls that dispute it.</summary>
public sealed record VisitView(
    Guid Id,
    string ClientId,
    string Mode,
    DateTimeOffset VisitedAt,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    bool LateEntry,
    IReadOnlyList<VisitCadreView> Cadres,
    IReadOnlyList<VisitHouseholdView> Households,
    VisitPlace? Place,
    string? Notes,
    IReadOnlyList<string> PolicyTopics,
    AidView Aid,
    IReadOnlyList<string> ServicesDone,
    IReadOnlyList<DemandView> Demands,
    IReadOnlyList<SpotCheckFlagView> SpotCheckFlags)
{
    /// <param name="cadres">Cadres' names by id.</param>
    /// <param name="households">Households' number and head by id.</param>
    /// <param name="flags">The failed spot-check calls that name the visit.</param>
    /// <param name="regionPrefix">The reader's region: only its households, their demands and flags are shown.</param>
    public static VisitView Of(
        Visit v, IReadOnlyDictionary<Guid, string> cadres, IReadOnlyDictionary<Guid, (string Number, string Head)> households, IEnumerable<SpotCheckFlagView> flags,
        string regionPrefix)
    {
        var seen = v.Households.Where(h => h.VillageCode.StartsWith(regionPrefix, StringComparison.Ordinal)).ToList();
        var seenIds = seen.Select(h => h.HouseholdId).ToHashSet();
        return new(
            v.Id, v.ClientId, v.Mode.ToString(), ChinaTime.Local(v.VisitedAt), ChinaTime.Local(v.RecordedAt), v.RecordedBy, v.LateEntry,
            [.. v.Cadres.Select(c => new VisitCadreView(c.CadreId, cadres.GetValueOrDefault(c.CadreId, ""))).OrderBy(c => c.Name, StringComparer.Ordinal)],
            [.. seen.Select(h => households.TryGetValue(h.HouseholdId, out var x)
                    ? new VisitHouseholdView(h.HouseholdId, x.Number, x.Head, h.VillageCode, h.ContactCardHandedOver)
                    : new VisitHouseholdView(h.HouseholdId, "", "", h.VillageCode, h.ContactCardHandedOver))
                .OrderBy(h => h.HouseholdNumber, StringComparer.Ordinal)],
            v.Place, v.Notes, v.PolicyTopics, new AidView(v.AidCashFen, v.AidGoods, v.AidCashFen + v.AidGoodsValueFen), v.ServicesDone,
            [.. v.Demands.Where(d => seenIds.Contains(d.HouseholdId)).OrderBy(d => d.Id).Select(d => DemandView.Of(d, households))],
            [.. flags.Where(f => seenIds.Contains(f.HouseholdId)).Select(f => f with { AnsweredAt = ChinaTime.Local(f.AnsweredAt) }).OrderBy(f => f.AnsweredAt)]);
    }
}

public sealed record VisitPage(long Total, int Page, int PageSize, IReadOnlyList<VisitView> Visits);
