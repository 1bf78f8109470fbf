namespace MassWork.Contracts.Projects.V1;

/// <summary>
/// The project as every projects event carries it: ids, region, category, estimated cost in fen,
/// the demands it answers (petition case ids, or the ids of demands raised on visits, which
/// petitions knows as a case's SourceDemandId) and its title, which the village board shows anyway
/// (absent from older messages). No people: payees and council members stay in the projects service.
/// </summary>
public sealed record ProjectRef(
    Guid ProjectId,
    string RegionCode,
    string Category,
    string Stage,
    long EstimatedCostFen,
    IReadOnlyList<Guid> LinkedDemandIds,
    int BeneficiaryCount,
    string? Title = null);

/// <summary>A project was proposed (立项申请) and awaits its approval chain.</summary>
public sealed record ProjectProposed(ProjectRef Project, DateTimeOffset At);

/// <summary>One approval in the chain, by level ("Town", "County", "City") and the approver's user id.</summary>
public sealed record ProjectApprovalStep(string Level, string ApprovedBy, DateTimeOffset At);

/// <summary>The last approval of the chain was given: the project is approved.</summary>
public sealed record ProjectApproved(ProjectRef Project, IReadOnlyList<ProjectApprovalStep> Chain, DateTimeOffset At);

/// <summary>
/// The project was accepted (验收): the works are complete. BeneficiaryHouseholdIds are the
/// personnel service's household ids (empty for public works counted only by number).
/// </summary>
public sealed record ProjectCompleted(ProjectRef Project, IReadOnlyList<Guid> BeneficiaryHouseholdIds, bool CouncilSignedOff, DateTimeOffset At);

/// <summary>
/// The completed project is published on the village board (公示) until Notice.OnNoticeUntil;
/// Notice is what the board shows (absent from older messages).
/// </summary>
public sealed record ProjectPublished(ProjectRef Project, DateTimeOffset At, ProjectNotice? Notice = null);

/// <summary>
/// A payment was written to the ledger, or reversed (冲销): AmountFen is the change to what was paid,
/// negative for a reversal. PaidFen and AllocatedFen are the source's totals after it. The payee is
/// not carried.
/// </summary>
public sealed record PaymentRecorded(
    Guid ProjectId,
    Guid EntryId,
    string RegionCode,
    string Source,
    long AmountFen,
    long PaidFen,
    long AllocatedFen,
    IReadOnlyList<Guid> LinkedDemandIds,
    DateTimeOffset At);
