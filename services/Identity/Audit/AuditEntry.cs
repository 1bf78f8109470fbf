using MassWork.ServiceDefaults.Audit;

namespace MassWork.Identity.Audit;

/// <summary>
/// One record of the audit log (审计日志): a user's write or full read of personal data in any
/// service, or the audit administrator's own read of this log. Each record's <see cref="Hash"/>
/// covers its content and the previous record's hash, so a record deleted or altered breaks the
/// chain at that point (<see cref="AuditChain.VerifyAsync"/>).
/// </summary>
public sealed class AuditEntry : INotAudited
{
    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>The id the recording service gave the record: a redelivered record is not chained twice.</summary>
    public Guid AuditId { get; init; }

    public required string Service { get; init; }

    /// <summary>When the service made the change (UTC, to the microsecond).</summary>
    public DateTimeOffset At { get; init; }

    public required string UserId { get; init; }

    public required string[] Roles { get; init; }

    public required string Region { get; init; }

    /// <summary>The command: method and route, "PUT /api/petitions/categories/{code}".</summary>
    public required string Action { get; init; }

    public string? TraceId { get; init; }

    /// <summary>The entities changed, as JSON text exactly as hashed.</summary>
    public required string Changes { get; init; }

    /// <summary>"Entity:key" of each change, for finding every record of one entity.</summary>
    public required string[] Entities { get; init; }

    public DateTimeOffset ChainedAt { get; init; }

    public required string PreviousHash { get; init; }

    /// <summary>Set once, when the record is chained.</summary>
    public string Hash { get; set; } = "";
}
