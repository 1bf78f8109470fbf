namespace MassWork.Petitions.Figures;

/// <summary>The counts of one region (or one row of a breakdown) over one period, as the set-based query returns them.</summary>
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
    long SettledInTown,
    long Suggestions,
    long SuggestionsAccepted,
    long Adopted,
    long NotAdopted);

/// <summary>
/// The figures towns report, with the rates defined once: 化解率 = supported answers (支持) per
/// accepted problem — suggestions (建议意见) are not problems and stay out of it, and an "explained"
/// answer is not a resolution; adoption rate (吸纳率) = adopted suggestions per accepted suggestion;
/// on-time rate = answers within the handling limit per answer; satisfaction = 满意 + 基本满意 per
/// revisit. A rate with no base is null. <see cref="Key"/> is the area's code or the breakdown's
/// value (null: none yet, e.g. no handler named); <see cref="Name"/> the holder's or handler's name.
/// </summary>
public sealed record PetitionFigures(string? Key, string? Name, FigureCounts Counts, double? ResolutionRate, double? AdoptionRate, double? OnTimeRate, double? SatisfactionRate)
{
    public static PetitionFigures Of(string? key, FigureCounts counts, string? name = null) => new(
        key,
        name,
        counts,
        Rate(counts.Supported, counts.Accepted - counts.SuggestionsAccepted),
        Rate(counts.Adopted, counts.SuggestionsAccepted),
        Rate(counts.AnsweredOnTime, counts.Answered),
        Rate(counts.Satisfied, counts.Revisited));

    public static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>
/// The region's figures in total, per area one level down, and cut by matter type, channel, the
/// office or department holding the case, and the handler (办案人) named in 五定.
/// </summary>
public sealed record FiguresReport(
    string Region,
    DateOnly From,
    DateOnly To,
    int BacklogDays,
    PetitionFigures Total,
    IReadOnlyList<PetitionFigures> ByArea,
    IReadOnlyList<PetitionFigures> ByMatterType,
    IReadOnlyList<PetitionFigures> ByChannel,
    IReadOnlyList<PetitionFigures> ByHolder,
    IReadOnlyList<PetitionFigures> ByHandler);
