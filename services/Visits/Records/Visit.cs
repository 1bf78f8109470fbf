using MassWork.Visits.Demands;

namespace MassWork.Visits.Records;

/// <summary>
/// A visit (走访): the cadres who made it, the households visited, when and how, and what was
/// delivered — 送政策 policy topics explained, 送温暖 aid (cash and goods in fen), 送服务
/// services done, which households were handed the contact card (民情联系卡), and the demands
/// raised. Recorded once per client id; never changed afterwards, so the record stays what the
/// cadre entered (corrections, proof and demands added later are records of their own).
/// </summary>
public sealed class Visit
{
    private Visit()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The id the recording client gave the visit; unique per recording user.</summary>
    public string ClientId { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset VisitedAt { get; private set; }

    public VisitMode Mode { get; private set; }

    /// <summary>Entered more days after the visit than the city allows: supervisors look at these first.</summary>
    public bool LateEntry { get; private set; }

    public VisitPlace? Place { get; private set; }

    public string? Notes { get; private set; }

    public List<string> PolicyTopics { get; private set; } = [];

    public long AidCashFen { get; private set; }

    public List<AidGoods> AidGoods { get; private set; } = [];

    public List<string> ServicesDone { get; private set; } = [];

    public List<VisitCadre> Cadres { get; private set; } = [];

    public List<VisitHousehold> Households { get; private set; } = [];

    /// <summary>The demands raised on the visit, those sent with it and those added later.</summary>
    public List<Demand> Demands { get; private set; } = [];

    public long AidGoodsValueFen => AidGoods.Sum(g => g.ValueFen);

    /// <param name="villages">The village of each household visited, as the register has it now.</param>
    public static Visit Record(CheckedVisit visit, IReadOnlyDictionary<Guid, string> villages, string recordedBy, DateTimeOffset now, int lateEntryDays)
    {
        var id = Guid.CreateVersion7(now);
        var visitedAt = ToMicroseconds(visit.VisitedAt);
        return new Visit
        {
            Id = id,
            ClientId = visit.ClientId,
            RecordedBy = recordedBy,
            RecordedAt = ToMicroseconds(now),
            VisitedAt = visitedAt,
            Mode = visit.Mode,
            LateEntry = VisitRules.IsLateEntry(visit.VisitedAt, now, lateEntryDays),
            Place = visit.Place,
            Notes = visit.Notes,
            PolicyTopics = [.. visit.PolicyTopics],
            AidCashFen = visit.AidCashFen,
            AidGoods = [.. visit.AidGoods],
            ServicesDone = [.. visit.ServicesDone],
            Cadres = [.. visit.CadreIds.Select(c => new VisitCadre { VisitId = id, CadreId = c })],
            Households = [.. visit.HouseholdIds.Select(h => new VisitHousehold
            {
                VisitId = id, HouseholdId = h, VillageCode = villages[h], ContactCardHandedOver = visit.ContactCardHouseholdIds.Contains(h),
            })],
            Demands = [.. visit.Demands.Select(d => Demand.Raise(d, id, villages[d.HouseholdId], visitedAt, recordedBy, now))],
        };
    }

    /// <summary>UTC at timestamptz's precision, so the visit as created reads the same as the visit as stored (a replay, a GET).</summary>
    internal static DateTimeOffset ToMicroseconds(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
