using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace MassWork.Identity.Audit;

/// <summary>
/// Moves records past the retention days out of the live log, never silently: each batch is written
/// to a gzip JSON-lines file, read back and checked, recorded as an anchor (last sequence and hash,
/// the file's SHA-256), and only then deleted — in one transaction under the chain's lock, so the
/// live chain always continues from its anchor.
/// </summary>
public sealed class AuditArchiver(IServiceScopeFactory scopes, IOptions<AuditStoreOptions> options, TimeProvider time, ILogger<AuditArchiver> logger)
    : PeriodicWork(time, logger)
{
    private const int Batch = 50_000;

    protected override TimeSpan Interval => options.Value.ArchiveInterval;

    protected override string WorkName => "Audit archiving";

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        while (await ArchiveOnceAsync(cancellationToken) > 0)
        {
        }
    }

    /// <summary>
    /// Archives one batch of records older than the retention; answers how many. Only the front of the
    /// chain moves: records are chained as they arrive, not in the order their services made them, so
    /// a record past the retention that follows one still inside it waits for that one.
    /// </summary>
    public async Task<int> ArchiveOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var cutoff = Time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.LockAsync(db, cancellationToken);
        var front = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Take(Batch)
            .Select(e => new { e.Sequence, e.At }).ToListAsync(cancellationToken);
        var old = front.TakeWhile(e => e.At < cutoff).ToList();
        if (old.Count == 0)
        {
            return 0;
        }

        var last = old[^1].Sequence;
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence <= last).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        // A broken chain is not archived: the break would leave the live log, and verification with it.
        var (anchorSequence, anchorHash) = await AuditChain.AnchorAsync(db, cancellationToken);
        if (AuditChain.FirstBreak(entries, anchorSequence, anchorHash) is { } broken)
        {
            throw new InvalidOperationException($"The audit chain is broken at record {broken.Sequence} ({broken.Reason}); nothing is archived until it is restored.");
        }

        var folder = options.Value.ArchiveFolder;
        Directory.CreateDirectory(folder);
        var name = $"audit-{entries[0].Sequence:D12}-{last:D12}.jsonl.gz";
        var path = Path.Combine(folder, name);
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    await JsonSerializer.SerializeAsync(gzip, entry, JsonSerializerOptions.Web, cancellationToken);
                    gzip.WriteByte((byte)'\n');
                }
            }

            // On the disk, not only in its cache, before the records leave the database.
            file.Flush(flushToDisk: true);
        }

        // Read back before anything leaves the database: a file that does not hold every record, each
        // with its content and chained from the anchor, is not an archive.
        var written = await ReadAsync(path, cancellationToken);
        if (written.Count != entries.Count || written[^1].Hash != entries[^1].Hash || AuditChain.FirstBreak(written, anchorSequence, anchorHash) is not null)
        {
            throw new IOException($"Archive {path} does not read back as written; nothing was removed.");
        }

        db.AuditArchives.Add(new AuditArchive
        {
            FirstSequence = entries[0].Sequence, LastSequence = last, LastHash = entries[^1].Hash, File = name,
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken))), ArchivedAt = Time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.AuditEntries.Where(e => e.Sequence <= last).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Logger.LogInformation("Archived audit records {First}–{Last} to {File}", entries[0].Sequence, last, name);
        return entries.Count;
    }

    /// <summary>The records of an archive file, in order.</summary>
    public static async Task<List<AuditEntry>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            entries.Add(JsonSerializer.Deserialize<AuditEntry>(line, JsonSerializerOptions.Web)!);
        }

        return entries;
    }
}
