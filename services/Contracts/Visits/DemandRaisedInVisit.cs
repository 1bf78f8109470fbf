namespace MassWork.Contracts.Visits.V1;

/// <summary>
/// A household raised a demand (诉求) to the cadres on a visit; the petitions service registers it
/// as a case with channel "Visit", and its events carry DemandId back (PetitionCaseRef.SourceDemandId)
/// so the visits service keeps the village ledger (民情台账). MatterType: "Request" 申诉求决,
/// "Suggestion" 建议意见 or "Dispute" 矛盾纠纷 — never an accusation, whose accuser a visit would name.
/// CategoryCode is the petitions category as the cadre chose it. RaisedAt is when the visit took
/// place; RaisedBy the login that recorded it. No names or phones.
/// </summary>
public sealed record DemandRaisedInVisit(
    Guid DemandId,
    Guid VisitId,
    Guid HouseholdId,
    string VillageCode,
    string CategoryCode,
    string MatterType,
    string Content,
    DateTimeOffset RaisedAt,
    string RaisedBy,
    IReadOnlyList<Guid> CadreIds);
