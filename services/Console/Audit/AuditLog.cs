namespace MassWork.Console.Audit;

// The audit log as the identity service gives it to the audit administrator (GET /api/identity/audit).

public sealed record AuditedChange(string Entity, string Key, string Change);

public sealed record AuditEntry(long Sequence, string Service, DateTimeOffset At, string UserId, IReadOnlyList<string> Roles, string Region, string Action, IReadOnlyList<AuditedChange> Changes);

public sealed record AuditPage(long Total, int Page, int PageSize, IReadOnlyList<AuditEntry> Entries);

public sealed record ChainVerification(long Checked, long FromSequence, long ToSequence, bool Intact);
