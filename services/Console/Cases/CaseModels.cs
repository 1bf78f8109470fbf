namespace MassWork.Console.Cases;

// Cases (诉求) as the petitions service gives them: the ledger's lines and one case with its history
// and the steps its reader may take now.

public sealed record LedgerLine(
    Guid Id, string Number, DateTimeOffset RegisteredAt, string Channel, string MatterType, string CategoryCode, string RegionCode,
    string? HouseholdHead, string? Petitioner, string Summary, string Status, string? Holder, string? Handler,
    DateTimeOffset? ResolveDueAt, bool Overdue, string? Outcome, string? Satisfaction, DateTimeOffset? ClosedAt);

public sealed record LedgerPage(long Total, int Page, int PageSize, IReadOnlyList<LedgerLine> Lines);

public sealed record PetitionerView(string? Name, string? PhoneMasked);

public sealed record HolderView(string Kind, string Code, string Name);

public sealed record DeadlineView(string Kind, DateTimeOffset DueAt, DateTimeOffset? MetAt, bool Cancelled, bool Overdue, bool Lapsed);

public sealed record StepView(string Action, string FromStatus, string ToStatus, string Actor, string? HolderCode, string? Note, DateTimeOffset At);

public sealed record CaseView(
    Guid Id, string Number, string Status, string Channel, string MatterType, string CategoryCode, string RegionCode,
    PetitionerView? Petitioner, bool PetitionerHidden, string Content, HolderView? Holder, DateTimeOffset? ResolveDueAt,
    string? Outcome, string? Opinion, string? Satisfaction, DateTimeOffset RegisteredAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<StepView> History, IReadOnlyList<string> Steps);

public sealed record Category(string Code, string Name, string? Group, bool Active = true);

/// <summary>A county or city department cases are escalated to (提交部门办理), with the logins of its staff.</summary>
public sealed record Department(string Code, string Name, IReadOnlyList<string>? StaffUserIds = null);
