namespace MassWork.ServiceDefaults.Audit;

/// <summary>
/// A row a save writes besides the user's change — the outbox, the inbox, idempotency records, the
/// audit log's own records — and so not itself audited.
/// </summary>
public interface INotAudited;
