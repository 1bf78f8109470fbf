namespace MassWork.Visits.Demands;

/// <summary>
/// A demand and where it stands: on its visit, as added, and as a line of the village ledger
/// (民情台账). Times in Asia/Shanghai (+08:00).
/// </summary>
public sealed record DemandView(
    Guid Id,
    Guid VisitId,
    string? ClientId,
    Guid HouseholdId,
    string HouseholdNumber,
    string HeadName,
    string VillageCode,
    string CategoryCode,
    string MatterType,
    string Content,
    DateTimeOffset RaisedAt,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string Status,
    Guid? CaseId,
    string? CaseNumber,
    string? Outcome,
    string? StatusNote,
    DateTimeOffset? StatusAt)
{
    /// <param name="households">Households' number and head by id.</param>
    public static DemandView Of(Demand d, IReadOnlyDictionary<Guid, (string Number, string Head)> households)
    {
        var (number, head) = households.TryGetValue(d.HouseholdId, out var h) ? h : ("", "");
        return new DemandView(d.Id, d.VisitId, d.ClientId, d.HouseholdId, number, head, d.VillageCode, d.CategoryCode, d.MatterType.ToString(), d.Content,
            ChinaTime.Local(d.RaisedAt), ChinaTime.Local(d.RecordedAt), d.RecordedBy, d.Status, d.CaseId, d.CaseNumber, d.Outcome, d.StatusNote, ChinaTime.Local(d.StatusAt));
    }
}

public sealed record LedgerPage(long Total, int Page, int PageSize, IReadOnlyList<DemandView> Demands);
