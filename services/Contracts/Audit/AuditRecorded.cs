namespace MassWork.Contracts.Audit.V1;

/// <summary>
/// A signed-in user's write — or full read of an ID number or phone — as the service that made it
/// recorded it, in the same transaction as the change: who (user, roles, region), when, the command
/// (method and route), and each entity changed with its key; values only for settings and personal
/// data reads (<c>IAuditedValues</c>), never an ID number or phone. The identity service chains
/// these into the one audit log the audit administrator reads.
/// </summary>
public sealed record AuditRecorded(
    Guid AuditId,
    string Service,
    DateTimeOffset At,
    string UserId,
    IReadOnlyList<string> Roles,
    string Region,
    string Action,
    string? TraceId,
    IReadOnlyList<AuditedChange> Changes);

/// <param name="Change">Added, Modified or Deleted.</param>
/// <param name="Before">For an entity whose values are audited: the values it had (changed ones only when modified).</param>
/// <param name="After">For an entity whose values are audited: the values it has now.</param>
public sealed record AuditedChange(string Entity, string Key, string Change, IReadOnlyDictionary<string, string?>? Before, IReadOnlyDictionary<string, string?>? After);
