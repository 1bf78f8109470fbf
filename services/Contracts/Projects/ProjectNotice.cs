namespace MassWork.Contracts.Projects.V1;

/// <summary>One funding source on the board: its approved budget and what was paid from it, in fen.</summary>
public sealed record ProjectNoticeSource(string Source, long BudgetFen, long PaidFen);

/// <summary>A payee as the ledger names it (a contractor, a supplier) and what it was paid, in fen.</summary>
public sealed record ProjectNoticePayee(string Payee, long PaidFen);

/// <summary>
/// A published project as the village notice board shows it (公示), public by nature: budget and
/// paid by source, payees, progress, how many households benefit, the acceptance and how many
/// council members signed it. No household ids and no council names. The board shows it until
/// OnNoticeUntil (the publication plus the projects service's publicity period).
/// </summary>
public sealed record ProjectNotice(
    string Title,
    long BudgetFen,
    long PaidFen,
    IReadOnlyList<ProjectNoticeSource> Sources,
    IReadOnlyList<ProjectNoticePayee> Payees,
    int? ProgressPercent,
    int BeneficiaryCount,
    DateTimeOffset? AcceptedAt,
    int CouncilSignOffs,
    DateTimeOffset PublishedAt,
    DateTimeOffset OnNoticeUntil);
