using MassWork.ServiceDefaults.Audit;

namespace MassWork.Identity.Audit;

/// <summary>
/// Where the chain continues after records were archived: the last archived record's sequence and
/// hash, and the file that holds them. The live chain is verified from here; an archive file is
/// verified from the anchor before it.
/// </summary>
public sealed class AuditArchive : INotAudited
{
    public long Id { get; init; }

    public long FirstSequence { get; init; }

    public long LastSequence { get; init; }

    public required string LastHash { get; init; }

    /// <summary>The archive file's name in Audit:ArchiveFolder (JSON lines, gzip).</summary>
    public required string File { get; init; }

    /// <summary>SHA-256 of the file as written.</summary>
    public required string FileSha256 { get; init; }

    public DateTimeOffset ArchivedAt { get; init; }
}
