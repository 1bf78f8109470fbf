namespace MassWork.Petitions.Figures;

/// <summary>The counts of one region over one period, as the set-based query returns them.</summary>
public sealed record FigureCounts(
    long Collected,
    long Accepted,
    long NotAccepted,
    long Repeats,
    long SkipLevel,
    long Answered,
    long Supported,
    long Explained,
    long NotSupported,
    long AnsweredOnTime,
    long Revisited,
    long Satisfied,
    long Closed,
    long Backlog,
    long Supervised,
    long DisputesInvestigated,
    long DisputesMediated,
    long DisputesSettled,
    long SettledInGroup,
    long SettledInVillage,
    long SettledInTown);

/// <summary>
/// The figures towns report, with the rates defined once: 化解率 = supported answers (支持) per
/// accepted matter (an "explained" answer is not a resolution); on-time rate = answers within the
/// handling limit per answer; satisfaction = 满意 + 基本满意 per revisit. A rate with no base is null.
/// </summary>
public sealed record PetitionFigures(string Region, FigureCounts Counts, double? ResolutionRate, double? OnTimeRate, double? SatisfactionRate)
{
    public static PetitionFigures Of(string region, FigureCounts counts) => new(
        region,
        counts,
        Rate(counts.Supported, counts.Accepted),
        Rate(counts.AnsweredOnTime, counts.Answered),
        Rate(counts.Satisfied, counts.Revisited));

    public static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

public sealed record FiguresReport(string Region, DateOnly From, DateOnly To, int BacklogDays, PetitionFigures Total, IReadOnlyList<PetitionFigures> ByArea);
