using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using MassWork.Personnel.People;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace MassWork.Personnel.Imports;

public sealed record ImportOutcome(int Lines, int Staged, int Rejected, int Inserted, int Updated, int Unchanged, int MembersWritten, int MembersRemoved, int Events);

/// <summary>
/// Loads a household CSV in chunks that each hold whole households (see <see cref="ImportChunkPlan"/>).
/// A first pass reads only the household numbers and plans the chunks; the second is a pipeline:
/// one reader, <see cref="Preparers"/> threads that check and encrypt lines and group them into
/// households, and <see cref="Writers"/> connections that each write a chunk, its rejected lines
/// and its events in one transaction. Re-importing a file changes nothing, so an import that
/// stopped half-way is finished by running it again.
/// </summary>
public sealed class HouseholdImporter(
    IServiceScopeFactory scopes, PersonalDataProtector protector, IOptions<ImportOptions> options, TimeProvider time, ILogger<HouseholdImporter> logger)
{
    /// <summary>Errors kept per import; beyond this they are counted, not listed.</summary>
    public const int MaxStoredErrors = 100_000;
    private const int Preparers = 2;
    private const int Writers = 2;

    public async Task<ImportOutcome> RunAsync(Guid jobId, string path, string regionPrefix, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var encoding = await TextEncodingDetector.DetectAsync(file, cancellationToken);
        Progress(jobId, j => j.SetProperty(x => x.Encoding, encoding.WebName).SetProperty(x => x.Phase, "Planning"));

        var (columns, chunkSizes, lastLine) = await Task.Run(() => Plan(file, encoding, options.Value.HouseholdsPerChunk, cancellationToken), cancellationToken);
        var planned = stopwatch.Elapsed;
        var villages = await VillagesAsync(regionPrefix, cancellationToken);
        Progress(jobId, j => j.SetProperty(x => x.Phase, "Loading"));

        file.Position = 0;
        var totals = new ImportTotals();
        var now = time.GetUtcNow();
        var errorBudget = new ImportErrorBudget(MaxStoredErrors);
        var part = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var records = Channel.CreateBounded<(CsvRecord[] Records, long BytesRead)>(2);
        var prepared = Channel.CreateBounded<PreparedChunk>(Writers);

        var stages = new List<Task>
        {
            Task.Run(() => Read(file, encoding, chunkSizes, records.Writer, stop.Token), stop.Token),
        };
        var preparers = Enumerable.Range(0, Preparers).Select(_ => Task.Run(async () =>
        {
            var today = ChinaTime.Today(time);
            await foreach (var (chunk, bytesRead) in records.Reader.ReadAllAsync(stop.Token))
            {
                await prepared.Writer.WriteAsync(Prepare(chunk, bytesRead, columns, villages, regionPrefix, today), stop.Token);
            }
        }, stop.Token)).ToList();
        stages.AddRange(preparers);
        stages.Add(Task.WhenAll(preparers).ContinueWith(_ => prepared.Writer.TryComplete(), TaskScheduler.Default));
        stages.AddRange(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var writer = new ImportChunkWriter(scope.ServiceProvider.GetRequiredService<PersonnelDbContext>(), protector, jobId, regionPrefix, now,
                errorBudget, () => Interlocked.Increment(ref part));
            await foreach (var chunk in prepared.Reader.ReadAllAsync(stop.Token))
            {
                var outcome = await writer.WriteAsync(chunk, stop.Token);
                var (done, bytesRead) = totals.Add(chunk, outcome);
                Progress(jobId, j => j.SetProperty(x => x.LinesRead, done.Lines).SetProperty(x => x.BytesRead, bytesRead)
                    .SetProperty(x => x.RowsStaged, done.Staged).SetProperty(x => x.RowsRejected, done.Rejected)
                    .SetProperty(x => x.HouseholdsInserted, done.Inserted).SetProperty(x => x.HouseholdsUpdated, done.Updated)
                    .SetProperty(x => x.HouseholdsUnchanged, done.Unchanged).SetProperty(x => x.MembersWritten, done.MembersWritten)
                    .SetProperty(x => x.MembersRemoved, done.MembersRemoved));
            }
        }, stop.Token)));

        await WhenAllOrFirstFailureAsync(stages, stop);
        var result = totals.Snapshot() with { Lines = lastLine };
        logger.LogInformation(
            "Import {JobId}: {Lines} lines in {Chunks} chunks, {Inserted} households new, {Updated} changed, {Rejected} lines rejected, {Events} events (planned {Planned:N1}s, done {Done:N1}s)",
            jobId, lastLine, chunkSizes.Count, result.Inserted, result.Updated, result.Rejected, result.Events, planned.TotalSeconds, stopwatch.Elapsed.TotalSeconds);
        return result;
    }

    /// <summary>The first pass: the header's columns, chunk sizes in records, and the file's last line number.</summary>
    private static (HouseholdCsvColumns Columns, List<int> ChunkSizes, int LastLine) Plan(
        FileStream file, Encoding encoding, int householdsPerChunk, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var csv = new CsvReader(text);
        if (!csv.Read())
        {
            throw new ImportFileException("The file is empty: expected a header line and one line per household member.");
        }

        var (columns, error) = HouseholdCsvColumns.FromHeader(Enumerable.Range(0, csv.FieldCount).Select(csv.Field).ToList());
        if (columns is null)
        {
            throw new ImportFileException(error!);
        }

        var keys = new List<long>();
        var lastLine = csv.Line;
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            keys.Add(ImportChunkPlan.Key(csv.FieldSpan(columns.HouseholdNumberColumn)));
            lastLine = csv.Line;
        }

        return (columns, ImportChunkPlan.Sizes(keys, householdsPerChunk), lastLine);
    }

    private async Task<HashSet<string>> VillagesAsync(string regionPrefix, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        var codes = await db.Regions.Where(r => r.Level == Regions.RegionLevel.Village && r.Code.StartsWith(regionPrefix))
            .Select(r => r.Code).ToListAsync(cancellationToken);
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The second pass: records after the header, handed on in the planned chunks.</summary>
    private static async Task Read(FileStream file, Encoding encoding, List<int> chunkSizes, ChannelWriter<(CsvRecord[], long)> output, CancellationToken cancellationToken)
    {
        try
        {
            using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            using var input = new CsvReader(text).ReadAll(cancellationToken).GetEnumerator();
            input.MoveNext();
            foreach (var size in chunkSizes)
            {
                var chunk = new CsvRecord[size];
                for (var i = 0; i < size && input.MoveNext(); i++)
                {
                    chunk[i] = input.Current;
                }

                await output.WriteAsync((chunk, file.Position), cancellationToken);
            }
        }
        finally
        {
            output.TryComplete();
        }
    }

    private PreparedChunk Prepare(
        CsvRecord[] records, long bytesRead, HouseholdCsvColumns columns, IReadOnlySet<string> villages, string regionPrefix, DateOnly today)
    {
        var ids = new BulkIds(time.GetUtcNow());
        var errors = new List<ImportRowError>();
        var lines = new List<StagedLine>(records.Length);
        foreach (var record in records)
        {
            var (row, error) = columns.Parse(record, today, regionPrefix);
            if (row is null)
            {
                errors.Add(error!);
                continue;
            }

            lines.Add(new StagedLine(row, ids.Next(),
                row.IdNumber is null ? null : SensitiveValue.IdNumber(protector, row.IdNumber),
                row.Phone is null ? null : SensitiveValue.Phone(protector, row.Phone)));
        }

        var households = HouseholdLineChecks.Group(lines, villages, ids.Next, errors);
        return new PreparedChunk(records.Length, bytesRead, lines.Count, households, errors);
    }

    /// <summary>Waits for every stage; the first one to fail stops the others and its exception is thrown.</summary>
    private static async Task WhenAllOrFirstFailureAsync(List<Task> stages, CancellationTokenSource stop)
    {
        var pending = stages.ToList();
        Exception? failure = null;
        while (pending.Count > 0)
        {
            var finished = await Task.WhenAny(pending);
            pending.Remove(finished);
            if (finished.IsFaulted && failure is null)
            {
                failure = finished.Exception!.InnerException;
                await stop.CancelAsync();
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        stop.Token.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Its own connection and transaction, so a running import's progress is visible to GET /imports/{id}.
    /// </summary>
    private void Progress(Guid jobId, Action<UpdateSettersBuilder<ImportJob>> set)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdate(set);
    }

    /// <summary>Sums of the chunks written so far; chunks finish in any order.</summary>
    private sealed class ImportTotals
    {
        private readonly Lock _lock = new();
        private ImportOutcome _sum = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
        private long _bytesRead;

        public (ImportOutcome Sum, long BytesRead) Add(PreparedChunk chunk, ChunkOutcome outcome)
        {
            lock (_lock)
            {
                _bytesRead = Math.Max(_bytesRead, chunk.BytesRead);
                _sum = new ImportOutcome(_sum.Lines + chunk.Records, _sum.Staged + chunk.Staged, _sum.Rejected + outcome.Rejected,
                    _sum.Inserted + outcome.Inserted, _sum.Updated + outcome.Updated, _sum.Unchanged + outcome.Unchanged,
                    _sum.MembersWritten + outcome.MembersWritten, _sum.MembersRemoved + outcome.MembersRemoved, _sum.Events + outcome.Events);
                return (_sum, _bytesRead);
            }
        }

        public ImportOutcome Snapshot()
        {
            lock (_lock)
            {
                return _sum;
            }
        }
    }
}

/// <summary>The file as a whole cannot be read (no header, wrong columns); the import fails with this message.</summary>
public sealed class ImportFileException(string message) : Exception(message);
