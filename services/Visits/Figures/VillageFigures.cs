namespace MassWork.Visits.Figures;

/// <summary>
/// One village's visits figures for one period (a year, a quarter or a month), kept so that a
/// county's or the whole city's figures are a sum over a few thousand rows rather than a pass over
/// millions of visits. Written only by <see cref="VillageFiguresRefresh"/>, from the same rules as
/// the live figures; a change to what they are made of queues the village (<see cref="FiguresChange"/>).
/// </summary>
public sealed class VillageFigures
{
    public required string VillageCode { get; init; }

    /// <summary>The period's name as <see cref="FiguresPeriod.Name"/> gives it: 2026, 2026Q4, 2026-11.</summary>
    public required string Period { get; init; }

    public int Year { get; init; }

    public long HouseholdsDue { get; init; }

    public long HouseholdsVisited { get; init; }

    public long HouseholdsNeverVisited { get; init; }

    public long ContactsRequired { get; init; }

    public long ContactsDone { get; init; }

    public long DaysRequired { get; init; }

    public long DaysDone { get; init; }

    /// <summary>Cadres holding a pairing in the period, each counted in the village of their latest pairing.</summary>
    public long CadresPaired { get; init; }

    public long CadresBehind { get; init; }

    public long Visits { get; init; }

    public long VisitsWithAid { get; init; }

    public long AidCashFen { get; init; }

    public long AidGoodsFen { get; init; }

    public long Photos { get; init; }

    public long FlaggedPhotos { get; init; }

    public DateTimeOffset ComputedAt { get; init; }
}
