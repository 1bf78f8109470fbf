namespace MassWork.Projects.Figures;

/// <summary>
/// Counts of one cut. Done: accepted (验收) or published. On time: done, with milestones, and accepted
/// on or before the last milestone's due date (Asia/Shanghai); a done project without milestones has
/// no due date and is left out of the rate. Households: the beneficiaries of done projects. Demands
/// answered: the distinct linked demand ids of done projects.
/// </summary>
public sealed record FigureCounts(long Projects, long EstimatedCostFen, long Done, long DoneWithDueDate, long DoneOnTime, long HouseholdsBenefiting, long DemandsAnswered)
{
    /// <summary>Whole percent of done projects with a due date that were accepted on time, rounded down; null when none.</summary>
    public int? OnTimePercent => DoneWithDueDate == 0 ? null : (int)(DoneOnTime * 100 / DoneWithDueDate);
}

public sealed record Cut(string Key, string? Label, FigureCounts Counts);

public sealed record SourceMoney(string Source, long ApprovedFen, long AllocatedFen, long PaidFen);

/// <summary>One area one level down: its counts and its money by source.</summary>
public sealed record AreaFigures(string RegionCode, FigureCounts Counts, IReadOnlyList<SourceMoney> Money);

public sealed record FiguresReport(
    string Region,
    DateOnly From,
    DateOnly To,
    FigureCounts Total,
    IReadOnlyList<SourceMoney> Money,
    IReadOnlyList<Cut> ByStage,
    IReadOnlyList<Cut> ByCategory,
    IReadOnlyList<Cut> BySize,
    IReadOnlyList<AreaFigures> Areas);
