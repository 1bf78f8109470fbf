namespace MassWork.Visits.SpotChecks;

/// <summary>
/// A phone spot-check (电话抽查) a supervisor drew: the region and period of visits checked, the
/// seed and the population it was drawn from (<see cref="SpotCheckSample"/>), and the calls, one per
/// household drawn, in the order drawn. The draw is stored as made, so it can be audited by drawing
/// it again with the same seed; only the calls' answers change afterwards.
/// </summary>
public sealed class SpotCheck
{
    private SpotCheck()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The division code prefix drawn from (a county 360702, a town 360702003, a village).</summary>
    public string RegionPrefix { get; private set; } = "";

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public long Seed { get; private set; }

    /// <summary>The sample size asked for; fewer calls when fewer households were visited.</summary>
    public int SampleSize { get; private set; }

    /// <summary>Households visited in the region and period when the sample was drawn.</summary>
    public long Population { get; private set; }

    public string DrawnBy { get; private set; } = "";

    public DateTimeOffset DrawnAt { get; private set; }

    public List<SpotCheckCall> Calls { get; private set; } = [];

    /// <param name="sample">The sample after every household visited was offered.</param>
    /// <param name="households">What was recorded for each household drawn: its village, its visits in the period and their cadres.</param>
    public static SpotCheck Draw(
        CheckedDraw draw, SpotCheckSample sample, IReadOnlyDictionary<Guid, SampledHousehold> households, string drawnBy, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new SpotCheck
        {
            Id = id,
            RegionPrefix = draw.RegionPrefix,
            FirstDay = draw.FirstDay,
            LastDay = draw.LastDay,
            Seed = sample.Seed,
            SampleSize = sample.Size,
            Population = sample.Population,
            DrawnBy = drawnBy,
            DrawnAt = Records.Visit.ToMicroseconds(now),
            Calls = [.. sample.Drawn.Select((householdId, i) => SpotCheckCall.Plan(id, i + 1, households[householdId], now))],
        };
    }
}

/// <summary>A household drawn, with the village and visits (and their cadres) recorded for it in the period.</summary>
public sealed record SampledHousehold(Guid HouseholdId, string VillageCode, Guid[] VisitIds, Guid[] CadreIds);
