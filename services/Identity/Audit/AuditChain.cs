using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassWork.Contracts.Audit.V1;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Identity.Audit;

/// <summary>A break in the chain: the first record that does not follow from the one before it.</summary>
public sealed record ChainBreak(long Sequence, string Reason);

/// <summary>What a verification found: the records checked, from which anchor, and the first break if any.</summary>
public sealed record ChainVerification(long Checked, long FromSequence, long ToSequence, bool Intact, ChainBreak? Break);

/// <summary>
/// The audit log's hash chain: each record's hash is SHA-256 over the previous record's hash and the
/// record's own content (an unambiguous JSON array of its fields), so changing, removing or
/// reordering any record is detected from that record on. Records are appended under a database
/// lock (a batch at a time), so replicas of this service keep one chain without gaps.
/// </summary>
public sealed class AuditChain(AccountsDbContext db, TimeProvider time)
{
    /// <summary>The hash before the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string LockName = "audit-chain";

    /// <summary>Appends a record in the caller's transaction; nothing when the record was chained before (redelivery).</summary>
    public Task<int> AppendAsync(AuditRecorded record, CancellationToken cancellationToken) => AppendAsync([record], cancellationToken);

    /// <summary>
    /// Appends records in the caller's transaction, in the order given, under one lock and with one
    /// save; a record chained before (a redelivery), or twice in the list, is chained once. Answers how many were added.
    /// </summary>
    public async Task<int> AppendAsync(IReadOnlyList<AuditRecorded> records, CancellationToken cancellationToken)
    {
        await LockAsync(db, cancellationToken);
        var ids = records.Select(r => r.AuditId).Distinct().ToList();
        var chained = (await db.AuditEntries.Where(e => ids.Contains(e.AuditId)).Select(e => e.AuditId).ToListAsync(cancellationToken)).ToHashSet();
        var (sequence, previous) = await HeadAsync(cancellationToken);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var record in records.Where(r => chained.Add(r.AuditId)))
        {
            var utc = record.At.ToUniversalTime();
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                AuditId = record.AuditId,
                Service = record.Service,
                At = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond)),
                UserId = record.UserId,
                Roles = [.. record.Roles],
                Region = record.Region,
                Action = record.Action,
                TraceId = record.TraceId,
                Changes = JsonSerializer.Serialize(record.Changes, JsonSerializerOptions.Web),
                Entities = [.. record.Changes.Select(c => $"{c.Entity}:{c.Key}").Distinct()],
                ChainedAt = now,
                PreviousHash = previous,
            };
            entry.Hash = HashOf(entry);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Holds the chain until the caller's transaction ends: one append, or one archiving, at a time.</summary>
    public static async Task LockAsync(AccountsDbContext db, CancellationToken cancellationToken) =>
        await AdvisoryLock.WaitAsync(db, LockName, cancellationToken);

    /// <summary>Walks the live chain from its anchor (the last archived record, or the start), in pages.</summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var (anchorSequence, previous) = await AnchorAsync(db, cancellationToken);
        var expectedSequence = anchorSequence + 1;
        var from = expectedSequence;
        long count = 0;
        const int Page = 5_000;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= expectedSequence)
                .OrderBy(e => e.Sequence).Take(Page).ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                if (ProblemOf(entry, expectedSequence, previous) is { } problem)
                {
                    return new ChainVerification(count, from, expectedSequence - 1, false, new ChainBreak(expectedSequence, problem));
                }

                previous = entry.Hash;
                expectedSequence++;
                count++;
            }

            if (page.Count < Page)
            {
                return new ChainVerification(count, from, expectedSequence - 1, true, null);
            }
        }
    }

    /// <summary>The first of the records (in order) that does not follow from the one before it, the first from the given anchor; null when all follow.</summary>
    public static ChainBreak? FirstBreak(IEnumerable<AuditEntry> entries, long anchorSequence, string anchorHash)
    {
        var (expectedSequence, previous) = (anchorSequence + 1, anchorHash);
        foreach (var entry in entries)
        {
            if (ProblemOf(entry, expectedSequence, previous) is { } problem)
            {
                return new ChainBreak(expectedSequence, problem);
            }

            previous = entry.Hash;
            expectedSequence++;
        }

        return null;
    }

    /// <summary>Where the live chain starts from: the last archived record's sequence and hash, or nothing before the first record.</summary>
    public static async Task<(long Sequence, string Hash)> AnchorAsync(AccountsDbContext db, CancellationToken cancellationToken)
    {
        var anchor = await db.AuditArchives.AsNoTracking().OrderByDescending(a => a.LastSequence).FirstOrDefaultAsync(cancellationToken);
        return anchor is null ? (0, Genesis) : (anchor.LastSequence, anchor.LastHash);
    }

    private static string? ProblemOf(AuditEntry entry, long expectedSequence, string previousHash) =>
        entry.Sequence != expectedSequence ? $"Record {expectedSequence} is missing: the next record is {entry.Sequence}."
        : entry.PreviousHash != previousHash ? "Its previous hash is not the hash of the record before it."
        : HashOf(entry) != entry.Hash ? "Its content does not match its hash: it was altered."
        : null;

    /// <summary>The last record's sequence and hash, or the archive anchor's when every live record was archived.</summary>
    private async Task<(long Sequence, string Hash)> HeadAsync(CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        return last is null ? await AnchorAsync(db, cancellationToken) : (last.Sequence, last.Hash);
    }

    /// <summary>SHA-256 (hex) over the previous hash and the record's content, as one JSON array.</summary>
    public static string HashOf(AuditEntry e)
    {
        var content = JsonSerializer.Serialize<object?[]>(
        [
            e.PreviousHash, e.Sequence, e.AuditId, e.Service, e.At.UtcDateTime.ToString("O"), e.UserId, e.Roles, e.Region, e.Action, e.TraceId, e.Changes, e.Entities,
        ]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
