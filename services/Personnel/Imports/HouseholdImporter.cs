using System.Diagnostics;
using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Api;
using MassWork.Personnel.Data;
using MassWork.Personnel.People;
using MassWork.ServiceDefaults.Messaging;
using MassWork.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

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
    private const int EventBatch = 5_000;

    public async Task<ImportOutcome> RunAsync(Guid jobId, string path, string regionPrefix, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var encoding = await TextEncodingDetector.DetectAsync(file, cancellationToken);
        await ProgressAsync(jobId, j => j.SetProperty(x => x.Encoding, encoding.WebName).SetProperty(x => x.Phase, "Reading"), cancellationToken);

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
        var (lines, staged, rejected) = await StageAsync(jobId, file, encoding, connection, regionPrefix, errors, cancellationToken);
        await ProgressAsync(jobId, j => j.SetProperty(x => x.Phase, "Merging").SetProperty(x => x.LinesRead, lines)
            .SetProperty(x => x.RowsStaged, staged).SetProperty(x => x.RowsRejected, rejected).SetProperty(x => x.BytesRead, file.Length), cancellationToken);
        await CopyErrorsAsync(connection, jobId, errors, cancellationToken);

        rejected += await RejectCrossLineAsync(connection, jobId, regionPrefix, cancellationToken);
        var now = time.GetUtcNow();
        var (inserted, updated, householdsInFile, membersWritten, membersRemoved) = await MergeAsync(connection, now, cancellationToken);

        await ProgressAsync(jobId, j => j.SetProperty(x => x.Phase, "Publishing"), cancellationToken);
        var events = await RaiseEventsAsync(db, connection, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var outcome = new ImportOutcome(lines, staged, rejected, inserted, updated, householdsInFile - inserted - updated, membersWritten, membersRemoved, events);
        logger.LogInformation("Import {JobId}: {Lines} lines, {Inserted} households new, {Updated} changed, {Rejected} lines rejected, {Events} events in {Elapsed}",
            jobId, lines, inserted, updated, rejected, events, stopwatch.Elapsed);
        return outcome;
    }

    private async Task<(int Lines, int Staged, int Rejected)> StageAsync(
        Guid jobId, FileStream file, System.Text.Encoding encoding, NpgsqlConnection connection, string regionPrefix,
        List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var today = Problems.ShanghaiToday(time);
        var householdIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        HouseholdCsvColumns? columns = null;
        int lines = 0, staged = 0, rejected = 0;

        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY import_rows (line, household_number, village_code, group_name, compound_name, address, status, tags, name, relation, household_id, member_id, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        await foreach (var record in new CsvReader(text).ReadAllAsync(cancellationToken))
        {
            lines = record.Line;
            if (columns is null)
            {
                (columns, var headerError) = HouseholdCsvColumns.FromHeader(record.Fields);
                if (columns is null)
                {
                    throw new ImportFileException(headerError!);
                }

                continue;
            }

            var (row, error) = columns.Parse(record, today, regionPrefix);
            if (row is null)
            {
                rejected++;
                if (errors.Count < MaxStoredErrors)
                {
                    errors.Add(error!);
                }
            }
            else
            {
                if (!householdIds.TryGetValue(row.HouseholdNumber, out var householdId))
                {
                    householdIds[row.HouseholdNumber] = householdId = Guid.CreateVersion7();
                }

                await WriteRowAsync(writer, row, householdId, cancellationToken);
                staged++;
            }

            if (record.Line % ProgressEvery == 0)
            {
                var (l, s, r, b) = (record.Line, staged, rejected, file.Position);
                await ProgressAsync(jobId, j => j.SetProperty(x => x.LinesRead, l).SetProperty(x => x.RowsStaged, s)
                    .SetProperty(x => x.RowsRejected, r).SetProperty(x => x.BytesRead, b), cancellationToken);
            }
        }

        if (columns is null)
        {
            throw new ImportFileException("The file is empty: expected a header line and one line per household member.");
        }

        await writer.CompleteAsync(cancellationToken);
        return (lines, staged, rejected);
    }

    private async Task WriteRowAsync(NpgsqlBinaryImporter writer, HouseholdCsvRow row, Guid householdId, CancellationToken cancellationToken)
    {
        await writer.StartRowAsync(cancellationToken);
        await writer.WriteAsync(row.Line, NpgsqlDbType.Integer, cancellationToken);
        await writer.WriteAsync(row.HouseholdNumber, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(row.VillageCode, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(writer, row.GroupName, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(writer, row.CompoundName, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(row.Address, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(row.Status.ToString(), NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(row.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(row.Relation, NpgsqlDbType.Text, cancellationToken);
        await writer.WriteAsync(householdId, NpgsqlDbType.Uuid, cancellationToken);
        await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
        var id = row.IdNumber is null ? null : SensitiveValue.IdNumber(protector, row.IdNumber);
        var phone = row.Phone is null ? null : SensitiveValue.Phone(protector, row.Phone);
        await WriteNullableAsync(writer, id?.Cipher, NpgsqlDbType.Bytea, cancellationToken);
        await WriteNullableAsync(writer, id?.Hash, NpgsqlDbType.Bytea, cancellationToken);
        await WriteNullableAsync(writer, id?.Masked, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(writer, phone?.Cipher, NpgsqlDbType.Bytea, cancellationToken);
        await WriteNullableAsync(writer, phone?.Hash, NpgsqlDbType.Bytea, cancellationToken);
        await WriteNullableAsync(writer, phone?.Masked, NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellationToken);
        }
    }

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
            WITH files AS (SELECT DISTINCT household_id FROM import_members),
            removed AS (
                DELETE FROM household_members m USING files f
                WHERE m.household_id = f.household_id
                  AND NOT EXISTS (SELECT 1 FROM import_members i WHERE i.household_id = m.household_id AND i.name = m.name)
                RETURNING m.household_id),
            changed AS (
                INSERT INTO import_changed (household_id, inserted) SELECT DISTINCT household_id, false FROM removed
                ON CONFLICT (household_id) DO NOTHING)
            SELECT (SELECT count(*) FROM removed), (SELECT count(*) FROM files),
                   (SELECT count(*) FROM import_changed WHERE inserted), (SELECT count(*) FROM import_changed WHERE NOT inserted)
            """, connection);
        await using var reader = await remove.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(1), membersWritten, (int)reader.GetInt64(0));
    }

    /// <summary>
    /// HouseholdRegistered for new households, HouseholdUpdated ("Imported") for changed ones, in
    /// batches read by key and copied into the outbox. A household that moved village loses its
    /// pairings there (PairingEnded), as a move through the API does.
    /// </summary>
    private async Task<int> RaiseEventsAsync(PersonnelDbContext db, NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
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
        var after = Guid.Empty;
        while (true)
        {
            var registered = new List<(HouseholdRegistered, string)>();
            var updated = new List<(HouseholdUpdated, string)>();
            await using (var command = new NpgsqlCommand("""
                SELECT h.id, h.household_number, h.village_code, h.group_id, h.compound_id, h.address, h.head_name, h.status, h.tags,
                       h.registered_at, h.updated_at, b.inserted, m.id, m.name, m.relation, m.phone_cipher
                FROM (SELECT household_id, inserted FROM import_changed WHERE household_id > @after ORDER BY household_id LIMIT @batch) b
                JOIN households h ON h.id = b.household_id
                LEFT JOIN household_members m ON m.household_id = h.id
                ORDER BY h.id, (m.relation = '户主') DESC, m.name
                """, connection))
            {
                command.Parameters.AddWithValue("after", after);
                command.Parameters.AddWithValue("batch", EventBatch);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                ChangedHousehold? current = null;
                var members = new List<HouseholdMemberContact>();
                void Flush()
                {
                    if (current is { } h)
                    {
                        var contacts = members.ToList();
                        if (h.Inserted)
                        {
                            registered.Add((new HouseholdRegistered(h.Id, h.Number, h.Village, h.HeadName, h.RegisteredAt, h.Address, h.Status, h.Tags,
                                contacts, h.GroupId, h.CompoundId), h.Id.ToString()));
                        }
                        else
                        {
                            updated.Add((new HouseholdUpdated(h.Id, h.Number, h.Village, h.HeadName, h.UpdatedAt, h.Address, h.Status, h.Tags,
                                contacts, "Imported", h.GroupId, h.CompoundId), h.Id.ToString()));
                        }
                    }

                    members.Clear();
                }

                while (await reader.ReadAsync(cancellationToken))
                {
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

                Flush();
                if (current is null)
                {
                    break;
                }

                after = current.Id;
            }

            count += await db.CopyIntegrationEventsAsync(registered, now, cancellationToken);
            count += await db.CopyIntegrationEventsAsync(updated, now, cancellationToken);
        }

        return count;
    }

    private async Task ProgressAsync(Guid jobId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ImportJob>> set, CancellationToken cancellationToken)
    {
        // Its own connection and transaction, so a running import's progress is visible to GET /imports/{id}.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(set, cancellationToken);
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
