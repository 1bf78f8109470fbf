namespace MassWork.Console.Projects;

/// <summary>A line of the projects service's list (GET /api/projects).</summary>
public sealed record ProjectSummary(Guid Id, string Title, string Category, string RegionCode, string Stage, long EstimatedCostFen, int BeneficiaryCount, DateTimeOffset ProposedAt);

public sealed record ProjectPage(int Total, int Page, int PageSize, IReadOnlyList<ProjectSummary> Items);

public sealed record ChainStep(string Level, IReadOnlyList<string> Roles, bool Approved);

public sealed record FundingLine(string Source, long AmountFen, int LabourPersonDays, long LabourValueFen, string? Note);

public sealed record Milestone(Guid Id, string Name, int Weight, DateOnly DueDate, int ProgressPercent);

public sealed record ProjectStep(string Action, string FromStage, string ToStage, string Actor, string? Note, DateTimeOffset At);

/// <summary>One project as the projects service shows it; amounts in fen.</summary>
public sealed record ProjectView(
    Guid Id, string Title, string Category, string RegionCode, string Proposer, int BeneficiaryCount, long EstimatedCostFen, string Stage, string? Reason,
    IReadOnlyList<ChainStep> ApprovalChain, string? NextApprovalLevel, IReadOnlyList<FundingLine> Funding, long PlannedMoneyFen, long PlannedLabourValueFen,
    DateTimeOffset ProposedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? StartedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? PublishedAt,
    int? ProgressPercent, IReadOnlyList<Milestone> Milestones, IReadOnlyList<ProjectStep> History);

public sealed record SourceTotals(string Source, long PlannedFen, long BudgetFen, long AllocatedFen, long PaidFen);

public sealed record LedgerEntry(Guid Id, long Sequence, string Kind, string Source, long AmountFen, string? Payee, string? Note, Guid? ReversesEntryId, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>The project's money ledger (资金台账).</summary>
public sealed record ProjectLedger(Guid ProjectId, long BudgetFen, long AllocatedFen, long PaidFen, IReadOnlyList<SourceTotals> Sources, IReadOnlyList<LedgerEntry> Entries);
