using MassWork.Personnel.Cadres;
using MassWork.ServiceDefaults.Audit;

namespace MassWork.Personnel.Pairings;

/// <summary>
/// A city's pairing and presence rules (stored, editable by its operators). Defaults are the seeds'
/// figures: single coverage; full-coverage cadres 5 households at section level, 3 otherwise (004);
/// resident members 10; resident members on site at least 5 days a week (000).
/// </summary>
public sealed class CoveragePolicy : IAuditedValues
{
    /// <summary>The city's 4-digit code prefix, e.g. "3607".</summary>
    public required string CityCode { get; init; }

    public CoverageMode Mode { get; set; } = CoverageMode.Single;

    public int MinResidentSectionLevel { get; set; } = 10;

    public int MinResidentGeneral { get; set; } = 10;

    public int MinFullCoverageSectionLevel { get; set; } = 5;

    public int MinFullCoverageGeneral { get; set; } = 3;

    /// <summary>Days a resident member must be on site per <see cref="PresencePeriod"/> (Ganzhou used 20 a month).</summary>
    public int PresenceDays { get; set; } = 5;

    public PresencePeriod PresencePeriod { get; set; } = PresencePeriod.Week;

    /// <summary>How far from the village committee a check-in may be and still count as on site (a village spreads over kilometres).</summary>
    public int CheckInRadiusMeters { get; set; } = DefaultCheckInRadiusMeters;

    public const int DefaultCheckInRadiusMeters = 3000;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public static CoveragePolicy DefaultFor(string cityCode) => new() { CityCode = cityCode };

    public int MinimumFor(PairingKind kind, CadreRank rank) => (kind, rank) switch
    {
        (PairingKind.Resident, CadreRank.SectionLevel) => MinResidentSectionLevel,
        (PairingKind.Resident, _) => MinResidentGeneral,
        (_, CadreRank.SectionLevel) => MinFullCoverageSectionLevel,
        _ => MinFullCoverageGeneral,
    };

    /// <summary>
    /// Households covered under the policy, from a region's counts: with an active resident pairing,
    /// with an active full-coverage pairing, and with both. A household has at most one of each
    /// kind, so those with any cadre are resident + full-coverage − both.
    /// </summary>
    public long Covered(long withResident, long withFullCoverage, long withBoth) =>
        Mode == CoverageMode.Double ? withBoth : withResident + withFullCoverage - withBoth;

    /// <summary>
    /// Whether a village with these counts can have a household that misses the policy. Under
    /// double coverage that is exact; under single coverage a village where every household has a
    /// cadre of one kind has no gap, and any other may.
    /// </summary>
    public bool MayHaveGaps(long households, long withResident, long withFullCoverage) =>
        Mode == CoverageMode.Double
            ? withResident < households || withFullCoverage < households
            : withResident < households && withFullCoverage < households;

    /// <summary>The kinds a household still needs; empty when covered.</summary>
    public IReadOnlyList<PairingKind> MissingKinds(bool hasResident, bool hasFullCoverage, bool residentAvailable)
    {
        if (Mode == CoverageMode.Double)
        {
            var missing = new List<PairingKind>(2);
            if (!hasResident)
            {
                missing.Add(PairingKind.Resident);
            }

            if (!hasFullCoverage)
            {
                missing.Add(PairingKind.FullCoverage);
            }

            return missing;
        }

        if (hasResident || hasFullCoverage)
        {
            return [];
        }

        // Single coverage prefers someone stationed in the village when the team has one.
        return [residentAvailable ? PairingKind.Resident : PairingKind.FullCoverage];
    }

    public static string? ValidateFigures(int minimum, string field) =>
        minimum is < 0 or > 500 ? $"{field} must be between 0 and 500." : null;

    public static string? ValidateRadius(int meters) =>
        meters is < 100 or > 50_000 ? "Metres between 100 and 50000." : null;
}

public enum CoverageMode
{
    /// <summary>双向全覆盖: every household has at least one cadre.</summary>
    Single,

    /// <summary>二次覆盖: one resident member AND one full-coverage cadre per household (双保险).</summary>
    Double,
}

public enum PresencePeriod
{
    Week,
    Month,
}
