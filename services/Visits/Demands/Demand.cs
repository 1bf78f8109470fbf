using MassWork.Visits.Records;

namespace MassWork.Visits.Demands;

/// <summary>
/// A demand (诉求) a household raised on a visit, and its line in the village ledger (民情台账):
/// what was asked is recorded once and never changed; where it stands (<see cref="Status"/>, the
/// case, its outcome) follows petitions' events, the newest event winning.
/// </summary>
public sealed class Demand
{
    private Demand()
    {
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    /// <summary>The id the recording client gave the demand; unique within its visit when given.</summary>
    public string? ClientId { get; private set; }

    public Guid HouseholdId { get; private set; }

    /// <summary>The village the household was in at the visit: the ledger it belongs to.</summary>
    public string VillageCode { get; private set; } = "";

    public string CategoryCode { get; private set; } = "";

    public DemandMatterType MatterType { get; private set; }

    public string Content { get; private set; } = "";

    /// <summary>When the visit took place: the household raised it then, even when entered later.</summary>
    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = "";

    /// <summary>A <see cref="DemandStatus"/> name: Raised, then the case's status as petitions reports it.</summary>
    public string Status { get; private set; } = nameof(DemandStatus.Raised);

    public Guid? CaseId { get; private set; }

    public string? CaseNumber { get; private set; }

    /// <summary>The answer's outcome (Supported, Explained, NotSupported, Adopted, NotAdopted).</summary>
    public string? Outcome { get; private set; }

    /// <summary>The written opinion, or why the case was not accepted.</summary>
    public string? StatusNote { get; private set; }

    /// <summary>When the case reached <see cref="Status"/>; an older event changes nothing.</summary>
    public DateTimeOffset? StatusAt { get; private set; }

    public static Demand Raise(CheckedDemand demand, Guid visitId, string villageCode, DateTimeOffset raisedAt, string recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        VisitId = visitId,
        ClientId = demand.ClientId,
        HouseholdId = demand.HouseholdId,
        VillageCode = villageCode,
        CategoryCode = demand.CategoryCode,
        MatterType = demand.MatterType,
        Content = demand.Content,
        RaisedAt = raisedAt,
        RecordedAt = Visit.ToMicroseconds(now),
        RecordedBy = recordedBy,
    };
}
