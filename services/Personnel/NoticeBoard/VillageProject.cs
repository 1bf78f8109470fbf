namespace MassWork.Personnel.NoticeBoard;

/// <summary>A funding source of a published project: its approved budget and what was paid from it, in fen.</summary>
public sealed record ProjectSourceLine(string Source, long BudgetFen, long PaidFen);

/// <summary>A payee of a published project as the ledger names it, and what it was paid, in fen.</summary>
public sealed record ProjectPayeeLine(string Payee, long PaidFen);

/// <summary>
/// A 为民办实事 project on its village's notice board (项目公示), as the projects service published it
/// (ProjectPublished): shown from its publication until <see cref="OnNoticeUntil"/>, the end of the
/// publicity period the projects service set, then no longer. Kept afterwards as the board's record.
/// </summary>
public sealed class VillageProject
{
    public Guid ProjectId { get; init; }

    public required string RegionCode { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public long BudgetFen { get; init; }

    public long PaidFen { get; init; }

    public List<ProjectSourceLine> Sources { get; init; } = [];

    public List<ProjectPayeeLine> Payees { get; init; } = [];

    public int? ProgressPercent { get; init; }

    public int BeneficiaryCount { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public int CouncilSignOffs { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public DateTimeOffset OnNoticeUntil { get; init; }
}
