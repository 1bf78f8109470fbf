namespace MassWork.Projects.Publicity;

public sealed record NoticeSource(string Source, long BudgetFen, long PaidFen);

/// <summary>Who was paid, by name as recorded in the ledger (contractors, suppliers), and how much.</summary>
public sealed record NoticePayee(string Payee, long PaidFen);

/// <summary>
/// What the village board shows of a project (公示): no household ids and no council names, only
/// how many households benefit and how many council members signed the acceptance.
/// </summary>
public sealed record NoticeView(
    Guid Id,
    string Title,
    string Category,
    string RegionCode,
    string Stage,
    long BudgetFen,
    long PaidFen,
    IReadOnlyList<NoticeSource> Sources,
    IReadOnlyList<NoticePayee> Payees,
    int? ProgressPercent,
    int BeneficiaryCount,
    DateTimeOffset? AcceptedAt,
    int CouncilSignOffs,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? OnNoticeUntil);

public sealed record NoticeBoard(string Village, DateTimeOffset At, int PublicityDays, IReadOnlyList<NoticeView> Notices);
