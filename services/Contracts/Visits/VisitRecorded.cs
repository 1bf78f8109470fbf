namespace MassWork.Contracts.Visits.V1;

/// <summary>
/// A visit (走访) was recorded: who visited (cadre ids), which households (with the village each
/// was in), when, how (Mode: "Home" 入户, "Phone" 电话, "Meeting" 座谈会, "GroupTalk" 下访恳谈) and
/// what was delivered — 送政策 topics, 送温暖 aid in fen, 送服务 services. LateEntry: entered
/// more days after the visit than the city allows. No names or phones: consumers that need them
/// hold their own copy of the register.
/// </summary>
public sealed record VisitRecorded(
    Guid VisitId,
    string Mode,
    DateTimeOffset VisitedAt,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    bool LateEntry,
    IReadOnlyList<Guid> CadreIds,
    IReadOnlyList<VisitedHousehold> Households,
    bool HasPlace,
    IReadOnlyList<string> PolicyTopics,
    long AidCashFen,
    long AidGoodsValueFen,
    IReadOnlyList<string> ServicesDone);

/// <summary>A household of a visit and the village (12-digit code) it was in at the time.</summary>
public sealed record VisitedHousehold(Guid HouseholdId, string VillageCode);
