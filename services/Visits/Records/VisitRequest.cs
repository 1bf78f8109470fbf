using MassWork.Visits.Demands;

namespace MassWork.Visits.Records;

public sealed record PlaceInput(double? Latitude, double? Longitude, double? AccuracyMetres);

public sealed record GoodsInput(string? Name, int? Quantity, long? ValueFen);

/// <summary>送温暖: cash in fen (分, exact) and goods, each with its total value in fen.</summary>
public sealed record AidInput(long? CashFen, IReadOnlyList<GoodsInput>? Goods);

/// <summary>
/// A visit as a phone or a clerk sends it. ClientId is chosen by the client when the visit is
/// first saved (on the phone, perhaps offline), so sending it again stores nothing new. Demands
/// raised on the visit may come with it; ContactCardHouseholdIds are the households handed the
/// contact card (民情联系卡).
/// </summary>
public sealed record VisitRequest(
    string? ClientId,
    DateTimeOffset? VisitedAt,
    string? Mode,
    IReadOnlyList<Guid>? CadreIds,
    IReadOnlyList<Guid>? HouseholdIds,
    PlaceInput? Place = null,
    string? Notes = null,
    IReadOnlyList<string>? PolicyTopics = null,
    AidInput? Aid = null,
    IReadOnlyList<string>? ServicesDone = null,
    IReadOnlyList<Guid>? ContactCardHouseholdIds = null,
    IReadOnlyList<DemandInput>? Demands = null);

/// <summary>The request after its field checks.</summary>
public sealed record CheckedVisit(
    string ClientId,
    DateTimeOffset VisitedAt,
    VisitMode Mode,
    IReadOnlyList<Guid> CadreIds,
    IReadOnlyList<Guid> HouseholdIds,
    VisitPlace? Place,
    string? Notes,
    IReadOnlyList<string> PolicyTopics,
    long AidCashFen,
    IReadOnlyList<AidGoods> AidGoods,
    IReadOnlyList<string> ServicesDone,
    IReadOnlyList<Guid> ContactCardHouseholdIds,
    IReadOnlyList<CheckedDemand> Demands);
