using System.Collections.Concurrent;
using System.Diagnostics;
using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Data;
using MassWork.Personnel.People;
using MassWork.ServiceDefaults.Messaging;
using MassWork.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using MassWork.ServiceDefaults;

namespace MassWork.Personnel.Imports;

public sealed record ImportOutcome(int Lines, int Staged, int Rejected, int Inserted, int Updated, int Unchanged, int MembersWritten, int MembersRemoved, int Events);

/// <summary>
/// Loads a household CSV: lines are checked and encrypted as they stream in and go to a staging
/// table by binary COPY; cross-line checks, the merge into households and members, and the events
/// for what changed are set-based statements in the same transaction. Re-importing a file changes
/// nothing: rows are compared by household number (and member name) and only differences are written.
/// </summary>
public sealed class HouseholdImporter(IServiceScopeFactory scopes, PersonalDataProtector protector, TimeProvider time, ILogger<HouseholdImporter> logger)
{
    /// <summary>Errors kept per import; beyond this they are counted, not listed.</summary>
    public const int MaxStoredErrors = 100_000;
    private const int ProgressEvery = 25_000;
    private const int EventBatch = 20_000;
    private const int BatchSize = 2_000;
    private const int Checkers = 2;
    public const int HouseholdsPerMessage = 500;

    public async Task<ImportOutcome> RunAsync(Guid jobId, string path, string regionPrefix, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var encoding = await TextEncodingDetector.DetectAsync(file, cancellationToken);
        Progress(jobId, j => j.SetProperty(x => x.Encoding, encoding.WebName).SetProperty(x => x.Phase, "Reading"));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE import_rows (
                line int NOT NULL, household_number text NOT NULL, village_code text NOT NULL, group_name text, compound_name text,
                address text NOT NULL, status text NOT NULL, tags text[] NOT NULL, name text NOT NULL, relation text NOT NULL,
                household_id uuid NOT NULL, member_id uuid NOT NULL,
                id_cipher bytea, id_hash bytea, id_masked text, phone_cipher bytea, phone_hash bytea, phone_masked text) ON COMMIT DROP;
            CREATE TEMP TABLE import_changed (household_id uuid PRIMARY KEY, inserted boolean NOT NULL) ON COMMIT DROP;
            """, cancellationToken);

        var errors = new List<ImportRowError>();
        var phases = new List<string>();
        void Phase(string name) => phases.Add($"{name} {stopwatch.Elapsed.TotalSeconds:N1}s");
        var (lines, staged, rejected) = await Task.Run(() => Stage(jobId, file, encoding, connection, regionPrefix, errors, cancellationToken), cancellationToken);
        Progress(jobId, j => j.SetProperty(x => x.Phase, "Merging").SetProperty(x => x.LinesRead, lines)
            .SetProperty(x => x.RowsStaged, staged).SetProperty(x => x.RowsRejected, rejected).SetProperty(x => x.BytesRead, file.Length));
        await CopyErrorsAsync(connection, jobId, errors, cancellationToken);
        Phase("staged");

        rejected += await RejectCrossLineAsync(connection, jobId, regionPrefix, cancellationToken);
        Phase("checked");
        var now = time.GetUtcNow();
        var (inserted, updated, householdsInFile, membersWritten, membersRemoved) = await MergeAsync(connection, now, cancellationToken);
        Phase("merged");

        Progress(jobId, j => j.SetProperty(x => x.Phase, "Publishing"));
        var events = await RaiseEventsAsync(db, connection, jobId, now, cancellationToken);
        Phase("events");
        await transaction.CommitAsync(cancellationToken);
        Phase("committed");

        var outcome = new ImportOutcome(lines, staged, rejected, inserted, updated, householdsInFile - inserted - updated, membersWritten, membersRemoved, events);
        logger.LogInformation("Import {JobId}: {Lines} lines, {Inserted} households new, {Updated} changed, {Rejected} lines rejected, {Events} events ({Phases})",
            jobId, lines, inserted, updated, rejected, events, string.Join(", ", phases));
        return outcome;
    }

    /// <summary>
    /// A pipeline over the two cores: one thread reads CSV records, <see cref="Checkers"/> threads
    /// check and encrypt them, and this thread writes the COPY stream. Batches keep hand-overs cheap;
    /// line numbers travel with the rows, so order between batches does not matter.
    /// </summary>
    private (int Lines, int Staged, int Rejected) Stage(
        Guid jobId, FileStream file, System.Text.Encoding encoding, NpgsqlConnection connection, string regionPrefix,
        List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var records = new BlockingCollection<CsvRecord[]>(boundedCapacity: 8);
        using var staged = new BlockingCollection<StagedRow[]>(boundedCapacity: 8);
        var householdIds = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        var rejected = new ConcurrentBag<ImportRowError>();
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        using var input = new CsvReader(text).ReadAll(stop.Token).GetEnumerator();
        var columns = ReadHeader(input);
        var lines = 1;

        var reader = Task.Run(() =>
        {
            try
            {
                lines = ReadRecords(jobId, file, input, records, stop.Token);
            }
            finally
            {
                records.CompleteAdding();
            }
        }, stop.Token);
        var checkers = Enumerable.Range(0, Checkers).Select(_ => Task.Run(() =>
        {
            var today = ChinaTime.Today(time);
            foreach (var batch in records.GetConsumingEnumerable(stop.Token))
            {
                var rows = new List<StagedRow>(batch.Length);
                foreach (var record in batch)
                {
                    var (row, error) = columns.Parse(record, today, regionPrefix);
                    if (row is null)
                    {
                        rejected.Add(error!);
                        continue;
                    }

                    rows.Add(new StagedRow(row, householdIds.GetOrAdd(row.HouseholdNumber, _ => Guid.CreateVersion7()), Guid.CreateVersion7(),
                        row.IdNumber is null ? null : SensitiveValue.IdNumber(protector, row.IdNumber),
                        row.Phone is null ? null : SensitiveValue.Phone(protector, row.Phone)));
                }

                staged.Add([.. rows], stop.Token);
            }
        }, stop.Token)).ToArray();
        // When the checkers end (or one fails), the writer must stop waiting; a failure also stops the reader.
        var checkersDone = Task.WhenAll(checkers).ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                stop.Cancel();
            }

            staged.CompleteAdding();
        }, TaskScheduler.Default);

        var count = 0;
        try
        {
            using var writer = connection.BeginBinaryImport(
                "COPY import_rows (line, household_number, village_code, group_name, compound_name, address, status, tags, name, relation, household_id, member_id, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked) FROM STDIN (FORMAT BINARY)");
            foreach (var batch in staged.GetConsumingEnumerable(stop.Token))
            {
                foreach (var row in batch)
                {
                    WriteRow(writer, row);
                }

                count += batch.Length;
            }

            checkersDone.GetAwaiter().GetResult();
            Task.WhenAll(checkers).GetAwaiter().GetResult();
            reader.GetAwaiter().GetResult();
            writer.Complete();
        }
        catch
        {
            stop.Cancel();
            throw;
        }

        errors.AddRange(rejected.OrderBy(e => e.Line).Take(MaxStoredErrors));
        return (lines, count, rejected.Count);
    }

    private static HouseholdCsvColumns ReadHeader(IEnumerator<CsvRecord> input)
    {
        if (!input.MoveNext())
        {
            throw new ImportFileException("The file is empty: expected a header line and one line per household member.");
        }

        var (columns, error) = HouseholdCsvColumns.FromHeader(input.Current.Fields);
        return columns ?? throw new ImportFileException(error!);
    }

    /// <summary>Hands the records after the header on in batches, reporting progress; returns the last line number.</summary>
    private int ReadRecords(Guid jobId, FileStream file, IEnumerator<CsvRecord> input, BlockingCollection<CsvRecord[]> records, CancellationToken cancellationToken)
    {
        var batch = new List<CsvRecord>(BatchSize);
        var lines = input.Current.Line;
        while (input.MoveNext())
        {
            var record = input.Current;
            lines = record.Line;
            batch.Add(record);
            if (batch.Count == BatchSize)
            {
                records.Add([.. batch], cancellationToken);
                batch.Clear();
            }

            if (record.Line % ProgressEvery == 0)
            {
                var (l, b) = (record.Line, file.Position);
                Progress(jobId, j => j.SetProperty(x => x.LinesRead, l).SetProperty(x => x.BytesRead, b));
            }
        }

        records.Add([.. batch], cancellationToken);
        return lines;
    }

    private static void WriteRow(NpgsqlBinaryImporter writer, StagedRow staged)
    {
        var row = staged.Row;
        writer.StartRow();
        writer.Write(row.Line, NpgsqlDbType.Integer);
        writer.Write(row.HouseholdNumber, NpgsqlDbType.Text);
        writer.Write(row.VillageCode, NpgsqlDbType.Text);
        WriteNullable(writer, row.GroupName, NpgsqlDbType.Text);
        WriteNullable(writer, row.CompoundName, NpgsqlDbType.Text);
        writer.Write(row.Address, NpgsqlDbType.Text);
        writer.Write(row.Status.ToString(), NpgsqlDbType.Text);
        writer.Write(row.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
        writer.Write(row.Name, NpgsqlDbType.Text);
        writer.Write(row.Relation, NpgsqlDbType.Text);
        writer.Write(staged.HouseholdId, NpgsqlDbType.Uuid);
        writer.Write(staged.MemberId, NpgsqlDbType.Uuid);
        WriteNullable(writer, staged.IdNumber?.Cipher, NpgsqlDbType.Bytea);
        WriteNullable(writer, staged.IdNumber?.Hash, NpgsqlDbType.Bytea);
        WriteNullable(writer, staged.IdNumber?.Masked, NpgsqlDbType.Text);
        WriteNullable(writer, staged.Phone?.Cipher, NpgsqlDbType.Bytea);
        WriteNullable(writer, staged.Phone?.Hash, NpgsqlDbType.Bytea);
        WriteNullable(writer, staged.Phone?.Masked, NpgsqlDbType.Text);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private sealed record StagedRow(HouseholdCsvRow Row, Guid HouseholdId, Guid MemberId, SensitiveValue? IdNumber, SensitiveValue? Phone);

    private static async Task CopyErrorsAsync(NpgsqlConnection connection, Guid jobId, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY import_errors (import_id, line, field, message) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var error in errors)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(jobId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(error.Line, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(error.Field, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(error.Message.Length > 500 ? error.Message[..500] : error.Message, NpgsqlDbType.Varchar, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Rules that need more than one line or the register: the village exists, a household has
    /// exactly one 户主, member names are unique in it, and it is not registered in another region.
    /// Each rejected line gets its reason; the rest of its household loads.
    /// </summary>
    private static async Task<int> RejectCrossLineAsync(NpgsqlConnection connection, Guid jobId, string regionPrefix, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "CREATE INDEX ON import_rows (household_number); ANALYZE import_rows;", cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH bad AS (
                DELETE FROM import_rows r
                WHERE NOT EXISTS (SELECT 1 FROM regions g WHERE g.code = r.village_code AND g.level = 'Village')
                RETURNING r.line, r.village_code)
            INSERT INTO import_errors (import_id, line, field, message)
            SELECT @job, line, 'village_code', 'Village ' || village_code || ' is not in the region register.' FROM bad;

            WITH bad AS (
                DELETE FROM import_rows r USING households h
                WHERE h.household_number = r.household_number AND h.village_code NOT LIKE @prefix
                RETURNING r.line)
            INSERT INTO import_errors (import_id, line, field, message)
            SELECT @job, line, 'household_number', 'This household is registered in another region; that region must move it.' FROM bad;

            WITH ranked AS (
                SELECT ctid AS row_id, row_number() OVER (PARTITION BY household_number, name ORDER BY line) AS n FROM import_rows),
            bad AS (
                DELETE FROM import_rows r USING ranked k WHERE r.ctid = k.row_id AND k.n > 1 RETURNING r.line)
            INSERT INTO import_errors (import_id, line, field, message)
            SELECT @job, line, 'name', 'An earlier line already has a member of this name in the household.' FROM bad;

            WITH heads AS (
                SELECT household_number, count(*) FILTER (WHERE relation = '户主') AS heads,
                       count(DISTINCT village_code) FILTER (WHERE relation = '户主') AS villages
                FROM import_rows GROUP BY household_number),
            bad AS (
                DELETE FROM import_rows r USING heads h
                WHERE h.household_number = r.household_number AND h.heads <> 1
                RETURNING r.line, h.heads)
            INSERT INTO import_errors (import_id, line, field, message)
            SELECT @job, line, 'relation',
                   CASE WHEN heads = 0 THEN 'The household has no valid line with relation 户主, so none of its lines load.'
                        ELSE 'The household has more than one 户主 line, so none of its lines load.' END
            FROM bad;

            SELECT count(*) FROM import_errors WHERE import_id = @job;
            """, connection);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("prefix", regionPrefix + "%");
        var before = await CountErrorsAsync(connection, jobId, cancellationToken);
        var after = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
        return after - before;
    }

    private static async Task<int> CountErrorsAsync(NpgsqlConnection connection, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM import_errors WHERE import_id = @job", connection);
        command.Parameters.AddWithValue("job", jobId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<(int Inserted, int Updated, int HouseholdsInFile, int MembersWritten, int MembersRemoved)> MergeAsync(
        NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO region_units (id, village_code, kind, name)
            SELECT gen_random_uuid(), village_code, 'Group', group_name
            FROM (SELECT DISTINCT village_code, group_name FROM import_rows WHERE relation = '户主' AND group_name IS NOT NULL) g
            ON CONFLICT (village_code, kind, name) DO NOTHING;

            INSERT INTO region_units (id, village_code, kind, name)
            SELECT gen_random_uuid(), village_code, 'Compound', compound_name
            FROM (SELECT DISTINCT village_code, compound_name FROM import_rows WHERE relation = '户主' AND compound_name IS NOT NULL) c
            ON CONFLICT (village_code, kind, name) DO NOTHING;

            WITH source AS (
                SELECT r.household_id, r.household_number, r.village_code, g.id AS group_id, c.id AS compound_id,
                       r.address, r.status, r.tags, r.name AS head_name
                FROM import_rows r
                LEFT JOIN region_units g ON g.village_code = r.village_code AND g.kind = 'Group' AND g.name = r.group_name
                LEFT JOIN region_units c ON c.village_code = r.village_code AND c.kind = 'Compound' AND c.name = r.compound_name
                WHERE r.relation = '户主'),
            written AS (
                INSERT INTO households AS h (id, household_number, village_code, group_id, compound_id, address, head_name, status, tags,
                                             registered_at, registered_by, updated_at)
                SELECT household_id, household_number, village_code, group_id, compound_id, address, head_name, status, tags, @now, 'import', @now
                FROM source
                ON CONFLICT (household_number) DO UPDATE SET
                    village_code = excluded.village_code, group_id = excluded.group_id, compound_id = excluded.compound_id,
                    address = excluded.address, head_name = excluded.head_name, status = excluded.status, tags = excluded.tags,
                    updated_at = excluded.updated_at
                WHERE (h.village_code, h.group_id, h.compound_id, h.address, h.head_name, h.status, h.tags)
                      IS DISTINCT FROM (excluded.village_code, excluded.group_id, excluded.compound_id, excluded.address,
                                        excluded.head_name, excluded.status, excluded.tags)
                RETURNING h.id, (h.xmax = 0) AS inserted)
            INSERT INTO import_changed (household_id, inserted) SELECT id, inserted FROM written;

            CREATE TEMP TABLE import_members ON COMMIT DROP AS
            SELECT h.id AS household_id, r.member_id, r.name, r.relation, r.id_cipher, r.id_hash, r.id_masked,
                   r.phone_cipher, r.phone_hash, r.phone_masked
            FROM import_rows r JOIN households h ON h.household_number = r.household_number;
            ANALYZE import_members;

            WITH written AS (
                INSERT INTO household_members AS m (id, household_id, name, relation, id_number_cipher, id_number_hash, id_number_masked,
                                                    phone_cipher, phone_hash, phone_masked)
                SELECT member_id, household_id, name, relation, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked
                FROM import_members
                ON CONFLICT (household_id, name) DO UPDATE SET
                    relation = excluded.relation,
                    id_number_cipher = excluded.id_number_cipher, id_number_hash = excluded.id_number_hash, id_number_masked = excluded.id_number_masked,
                    phone_cipher = excluded.phone_cipher, phone_hash = excluded.phone_hash, phone_masked = excluded.phone_masked
                WHERE (m.relation, m.id_number_hash, m.phone_hash) IS DISTINCT FROM (excluded.relation, excluded.id_number_hash, excluded.phone_hash)
                RETURNING m.household_id),
            changed AS (
                INSERT INTO import_changed (household_id, inserted) SELECT DISTINCT household_id, false FROM written
                ON CONFLICT (household_id) DO NOTHING)
            SELECT count(*) FROM written;
            """, connection);
        command.Parameters.AddWithValue("now", now);
        var membersWritten = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));

        await using var remove = new NpgsqlCommand("""
            WITH existing AS (
                -- Only households that existed before this import can have members the file dropped.
                SELECT DISTINCT household_id FROM import_members
                EXCEPT SELECT household_id FROM import_changed WHERE inserted),
            removed AS (
                DELETE FROM household_members m USING existing f
                WHERE m.household_id = f.household_id
                  AND NOT EXISTS (SELECT 1 FROM import_members i WHERE i.household_id = m.household_id AND i.name = m.name)
                RETURNING m.household_id),
            changed AS (
                INSERT INTO import_changed (household_id, inserted) SELECT DISTINCT household_id, false FROM removed
                ON CONFLICT (household_id) DO NOTHING)
            SELECT (SELECT count(*) FROM removed), (SELECT count(DISTINCT household_id) FROM import_members),
                   (SELECT count(*) FROM import_changed WHERE inserted), (SELECT count(*) FROM import_changed WHERE NOT inserted)
            """, connection);
        (int, int, int, int, int) result;
        await using (var reader = await remove.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            result = ((int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(1), membersWritten, (int)reader.GetInt64(0));
        }

        // Temp tables get no statistics on their own; the event batches join on this one by key.
        await ExecuteAsync(connection, "ANALYZE import_changed", cancellationToken);
        return result;
    }

    /// <summary>
    /// HouseholdsImported messages, each carrying up to <see cref="HouseholdsPerMessage"/> new
    /// (HouseholdRegistered) and changed (HouseholdUpdated, "Imported") households, read by key in
    /// batches and copied into the outbox. A household that moved village loses its pairings there
    /// (PairingEnded), as a move through the API does.
    /// </summary>
    private async Task<int> RaiseEventsAsync(PersonnelDbContext db, NpgsqlConnection connection, Guid jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = new List<(PairingEnded, string)>();
        await using (var command = new NpgsqlCommand("""
            UPDATE pairings p SET ended_at = @now, ended_by = 'import', end_reason = '户迁出'
            FROM import_changed c JOIN households h ON h.id = c.household_id
            WHERE p.household_id = c.household_id AND p.ended_at IS NULL AND p.village_code <> h.village_code
            RETURNING p.id, p.kind, p.household_id, p.village_code, p.cadre_id
            """, connection))
        {
            command.Parameters.AddWithValue("now", now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ended.Add((new PairingEnded(reader.GetGuid(0), reader.GetString(1), now, reader.GetGuid(2), reader.GetString(3), reader.GetGuid(4), "户迁出"),
                    reader.GetGuid(0).ToString()));
            }
        }

        var count = await db.CopyIntegrationEventsAsync(ended, now, cancellationToken);

        // One query, read through a cursor: the outbox COPY runs between fetches on the same
        // connection (the rows are this transaction's own, invisible to any other connection).
        await ExecuteAsync(connection, """
            DECLARE import_events NO SCROLL CURSOR FOR
            SELECT h.id, h.household_number, h.village_code, h.group_id, h.compound_id, h.address, h.head_name, h.status, h.tags,
                   h.registered_at, h.updated_at, c.inserted, m.id, m.name, m.relation, m.phone_cipher
            FROM import_changed c
            JOIN households h ON h.id = c.household_id
            LEFT JOIN household_members m ON m.household_id = h.id
            ORDER BY h.id, (m.relation = '户主') DESC, m.name
            """, cancellationToken);
        var part = 0;
        var registered = new List<HouseholdRegistered>();
        var updated = new List<HouseholdUpdated>();
        var members = new List<HouseholdMemberContact>();
        ChangedHousehold? current = null;

        void Flush()
        {
            if (current is { } h)
            {
                var contacts = members.ToList();
                if (h.Inserted)
                {
                    registered.Add(new HouseholdRegistered(h.Id, h.Number, h.Village, h.HeadName, h.RegisteredAt, h.Address, h.Status, h.Tags,
                        contacts, h.GroupId, h.CompoundId));
                }
                else
                {
                    updated.Add(new HouseholdUpdated(h.Id, h.Number, h.Village, h.HeadName, h.UpdatedAt, h.Address, h.Status, h.Tags,
                        contacts, "Imported", h.GroupId, h.CompoundId));
                }
            }

            members.Clear();
        }

        async Task PublishAsync(bool final)
        {
            var messages = new List<(HouseholdsImported, string)>();
            while (registered.Count + updated.Count >= HouseholdsPerMessage || (final && registered.Count + updated.Count > 0))
            {
                part++;
                var newOnes = registered.Take(HouseholdsPerMessage).ToList();
                var changed = updated.Take(HouseholdsPerMessage - newOnes.Count).ToList();
                registered.RemoveRange(0, newOnes.Count);
                updated.RemoveRange(0, changed.Count);
                messages.Add((new HouseholdsImported(jobId, part, newOnes, changed), $"{jobId}/{part}"));
            }

            count += await db.CopyIntegrationEventsAsync(messages, now, cancellationToken);
        }

        while (true)
        {
            var fetched = 0;
            await using (var fetch = new NpgsqlCommand($"FETCH {EventBatch} FROM import_events", connection))
            await using (var reader = await fetch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    fetched++;
                    var id = reader.GetGuid(0);
                    if (current?.Id != id)
                    {
                        Flush();
                        current = new ChangedHousehold(id, reader.GetString(1), reader.GetString(2),
                            reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4),
                            reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetFieldValue<string[]>(8),
                            reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10), reader.GetBoolean(11));
                    }

                    if (!reader.IsDBNull(12))
                    {
                        var relation = reader.GetString(14);
                        members.Add(new HouseholdMemberContact(reader.GetGuid(12), reader.GetString(13), relation, relation == "户主",
                            reader.IsDBNull(15) ? null : protector.Decrypt(reader.GetFieldValue<byte[]>(15))));
                    }
                }
            }

            if (fetched == 0)
            {
                Flush();
                current = null;
                await PublishAsync(final: true);
                break;
            }

            // The last household of a fetch may continue in the next one; it is flushed later.
            await PublishAsync(final: false);
        }

        await ExecuteAsync(connection, "CLOSE import_events", cancellationToken);
        return count;
    }

    /// <summary>
    /// Its own connection and transaction, so a running import's progress is visible to GET /imports/{id}.
    /// Synchronous: it is called from the parsing thread of a background import.
    /// </summary>
    private void Progress(Guid jobId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ImportJob>> set)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdate(set);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal sealed record ChangedHousehold(
    Guid Id, string Number, string Village, Guid? GroupId, Guid? CompoundId, string Address, string HeadName, string Status, string[] Tags,
    DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt, bool Inserted);

/// <summary>The file as a whole cannot be read (no header, wrong columns); the import fails with this message.</summary>
public sealed class ImportFileException(string message) : Exception(message);
