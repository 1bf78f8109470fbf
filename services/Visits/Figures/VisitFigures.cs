namespace MassWork.Visits.Figures;

/// <summary>
/// Households due a visit in the period (paired with a cadre at some time in it), those of them
/// visited in it, and those paired at some time this year (to the period's end) with no visit at
/// all this year (to the period's end).
/// </summary>
public sealed record HouseholdFigures(long Due, long Visited, long NeverVisitedThisYear);

/// <summary>
/// Contacts each pairing owed in the period by the city's frequency rule (its share of the year's
/// contacts for the days paired in the period) and those done, counted at most to what each
/// pairing owed, so extra visits to one household do not hide another's shortfall.
/// </summary>
public sealed record ContactFigures(long Required, long Done, double? Rate);

/// <summary>Cadres holding a pairing in the period, and those behind on contacts or days in the village.</summary>
public sealed record CadreFigures(long Paired, long Behind);

/// <summary>Days in the village (驻村) the cadres owed for the period by their rank, and the days they spent (visits in person).</summary>
public sealed record VillageDayFigures(long Required, long Done);

/// <summary>送温暖 delivered on the period's visits: cash and goods' value in fen (分).</summary>
public sealed record AidFigures(long Visits, long VisitsWithAid, long CashFen, long GoodsValueFen, long TotalFen);

/// <summary>Demands raised on visits in the period, by where they stand now (Raised, Registered, … Closed).</summary>
public sealed record DemandFigures(long Raised, IReadOnlyDictionary<string, long> ByStatus);

/// <summary>Photos given as proof of the period's visits, and those flagged (time, place, reuse …).</summary>
public sealed record PhotoFigures(long Photos, long Flagged);

/// <summary>
/// Phone spot-check calls made in the period to households of the region: passed (visit
/// confirmed), failed (not visited), unreached; satisfied; the household named a recorded cadre.
/// The pass rate is passed per answer (<see cref="SpotChecks.SpotCheckRates.PassRate"/>).
/// </summary>
public sealed record SpotCheckFigures(long Passed, long Failed, long Unreached, long Satisfied, long NamedTheirCadre, double? PassRate);

/// <summary>One region's figures: the region asked for, or one area a level down.</summary>
public sealed record AreaFigures(
    string RegionCode,
    HouseholdFigures Households,
    ContactFigures Contacts,
    CadreFigures Cadres,
    VillageDayFigures VillageDays,
    AidFigures Aid,
    DemandFigures Demands,
    PhotoFigures Photos,
    SpotCheckFigures SpotChecks);

/// <summary>Spot-check calls of one town (9-digit code).</summary>
public sealed record TownSpotChecks(string TownCode, SpotCheckFigures SpotChecks);

/// <summary>Spot-check answers about the households a cadre was recorded as visiting.</summary>
public sealed record CadreSpotChecks(Guid CadreId, string? Name, long Passed, long Failed, double? PassRate);

/// <summary>
/// The visits figures of a region for a period: the total, each area one level down (a city's
/// counties, a county's towns, a town's villages), and the spot-checks' pass rate per town and per
/// cadre. <see cref="PendingVillages"/>: villages of the region changed since their figures were
/// last computed and not yet refreshed (the background refresh catches up within its interval);
/// 0 means the figures include every change committed before the request.
/// </summary>
public sealed record VisitFiguresReport(
    string Region,
    string Period,
    DateOnly From,
    DateOnly To,
    AreaFigures Total,
    IReadOnlyList<AreaFigures> Areas,
    IReadOnlyList<TownSpotChecks> SpotChecksByTown,
    IReadOnlyList<CadreSpotChecks> SpotChecksByCadre,
    long PendingVillages);
