using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Data;
using MassWork.Personnel.Households;
using MassWork.ServiceDefaults.Messaging;
using MassWork.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MassWork.Personnel.Imports;

/// <summary>A chunk of the file, checked and encrypted, ready to be written.</summary>
public sealed record PreparedChunk(int Records, long BytesRead, int Staged, List<ImportHousehold> Households, List<ImportRowError> Errors);

public sealed record ChunkOutcome(int Inserted, int Updated, int Unchanged, int Rejected, int MembersWritten, int MembersRemoved, int Events);

/// <summary>
/// Writes chunks of one import, each in its own transaction with its outbox events. Households new
/// to the register go straight into the tables by binary COPY (no staging, no conflict handling);
/// households already registered are staged and merged set-based, writing only what differs, so a
/// re-import changes nothing. One writer per connection; an import runs two side by side.
/// </summary>
public sealed class ImportChunkWriter(
    PersonnelDbContext db, PersonalDataProtector protector, Guid jobId, string regionPrefix, DateTimeOffset now, ImportErrorBudget errorBudget,
    Func<int> nextPart)
{
    private const int HouseholdsPerMessage = 500;
    private const int Attempts = 3;

    public async Task<ChunkOutcome> WriteAsync(PreparedChunk chunk, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var units = await EnsureRegionUnitsAsync(chunk.Households, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                // A chunk need not wait for its own WAL flush: the job's final update is a normal
                // commit, which makes every chunk before it durable, and a crash before that leaves
                // an import that is simply run again.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", cancellationToken);
                var outcome = await WriteInTransactionAsync(chunk, units, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return outcome;
            }
            catch (PostgresException ex) when (ex is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_households_household_number" or "ix_household_members_household_id_name" }
                                               && attempt < Attempts)
            {
                // Somebody registered one of these households or members through the API meanwhile: next time it is found and merged.
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>
    /// Villager groups and compounds named in the file, created when missing. Committed on their own
    /// before the chunk, so two chunks of one village never wait on each other's transaction.
    /// </summary>
    private async Task<Dictionary<(string Village, string Kind, string Name), Guid>> EnsureRegionUnitsAsync(
        List<ImportHousehold> households, CancellationToken cancellationToken)
    {
        var wanted = households
            .SelectMany(h => new[] { (h.Fields.VillageCode, "Group", h.Fields.GroupName), (h.Fields.VillageCode, "Compound", h.Fields.CompoundName) })
            .Where(u => u.Item3 is not null)
            .Select(u => (u.VillageCode, u.Item2, u.Item3!))
            .Distinct().Order().ToList();
        var units = new Dictionary<(string, string, string), Guid>();
        if (wanted.Count == 0)
        {
            return units;
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO region_units (id, village_code, kind, name)
            SELECT gen_random_uuid(), v, k, n FROM unnest(@villages, @kinds, @names) AS u(v, k, n)
            ON CONFLICT (village_code, kind, name) DO NOTHING;
            SELECT u.id, u.village_code, u.kind, u.name
            FROM region_units u JOIN unnest(@villages, @kinds, @names) AS w(v, k, n) ON u.village_code = w.v AND u.kind = w.k AND u.name = w.n;
            """, Connection);
        command.Parameters.AddWithValue("villages", wanted.Select(u => u.VillageCode).ToArray());
        command.Parameters.AddWithValue("kinds", wanted.Select(u => u.Item2).ToArray());
        command.Parameters.AddWithValue("names", wanted.Select(u => u.Item3).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units[(reader.GetString(1), reader.GetString(2), reader.GetString(3))] = reader.GetGuid(0);
        }

        return units;
    }

    private async Task<ChunkOutcome> WriteInTransactionAsync(
        PreparedChunk chunk, Dictionary<(string Village, string Kind, string Name), Guid> units, CancellationToken cancellationToken)
    {
        var registered = await RegisteredAsync(chunk.Households, cancellationToken);
        var errors = new List<ImportRowError>(chunk.Errors);
        var fresh = new List<ImportHousehold>();
        var known = new List<ImportHousehold>();
        foreach (var household in chunk.Households)
        {
            if (!registered.TryGetValue(household.Fields.HouseholdNumber, out var found))
            {
                fresh.Add(household);
            }
            else if (!found.Village.StartsWith(regionPrefix, StringComparison.Ordinal))
            {
                errors.AddRange(household.Lines.Select(line =>
                    new ImportRowError(line, "household_number", "This household is registered in another region; that region must move it.")));
            }
            else
            {
                household.Id = found.Id;
                known.Add(household);
            }
        }

        Guid? Unit(HouseholdCsvRow row, string kind, string? name) =>
            name is not null && units.TryGetValue((row.VillageCode, kind, name), out var id) ? id : null;

        await InsertNewAsync(fresh, Unit, cancellationToken);
        var (changed, membersWritten, membersRemoved) = known.Count == 0 ? ([], 0, 0) : await MergeKnownAsync(known, Unit, cancellationToken);
        var events = await RaiseEventsAsync(fresh, changed, Unit, cancellationToken);
        await CopyErrorsAsync(errors, cancellationToken);

        var unchanged = known.Count - changed.Count;
        return new ChunkOutcome(fresh.Count, changed.Count, unchanged, errors.Count, fresh.Sum(h => h.Members.Count) + membersWritten, membersRemoved, events);
    }

    private async Task<Dictionary<string, (Guid Id, string Village)>> RegisteredAsync(List<ImportHousehold> households, CancellationToken cancellationToken)
    {
        // During a bulk load the table's statistics lag far behind its size, and without them the
        // planner scans all households for a few thousand numbers (measured: 80 ms a chunk at 1M
        // instead of 5). Every lookup here is by unique key, so scans are ruled out for this query.
        await using var command = new NpgsqlCommand("""
            SET LOCAL enable_seqscan = off;
            SELECT household_number, id, village_code FROM households WHERE household_number = ANY(@numbers);
            RESET enable_seqscan;
            """, Connection);
        command.Parameters.AddWithValue("numbers", households.Select(h => h.Fields.HouseholdNumber).ToArray());
        var registered = new Dictionary<string, (Guid, string)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            registered[reader.GetString(0)] = (reader.GetGuid(1), reader.GetString(2));
        }

        return registered;
    }

    private async Task InsertNewAsync(List<ImportHousehold> households, Func<HouseholdCsvRow, string, string?, Guid?> unit, CancellationToken cancellationToken)
    {
        if (households.Count == 0)
        {
            return;
        }

        await using (var writer = await Connection.BeginBinaryImportAsync(
            "COPY households (id, household_number, village_code, group_id, compound_id, address, head_name, status, tags, registered_at, registered_by, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var household in households)
            {
                var row = household.Fields;
                writer.StartRow();
                writer.Write(household.Id, NpgsqlDbType.Uuid);
                writer.Write(row.HouseholdNumber, NpgsqlDbType.Varchar);
                writer.Write(row.VillageCode, NpgsqlDbType.Varchar);
                WriteNullable(writer, unit(row, "Group", row.GroupName), NpgsqlDbType.Uuid);
                WriteNullable(writer, unit(row, "Compound", row.CompoundName), NpgsqlDbType.Uuid);
                writer.Write(row.Address, NpgsqlDbType.Varchar);
                writer.Write(row.Name, NpgsqlDbType.Varchar);
                writer.Write(row.Status.ToString(), NpgsqlDbType.Varchar);
                writer.Write(row.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                writer.Write(now, NpgsqlDbType.TimestampTz);
                writer.Write("import", NpgsqlDbType.Varchar);
                writer.Write(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await Connection.BeginBinaryImportAsync(
            "COPY household_members (id, household_id, name, relation, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var household in households)
            {
                foreach (var member in household.Members)
                {
                    writer.StartRow();
                    WriteMember(writer, household.Id, member);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }
    }

    private static void WriteMember(NpgsqlBinaryImporter writer, Guid householdId, StagedLine member)
    {
        writer.Write(member.MemberId, NpgsqlDbType.Uuid);
        writer.Write(householdId, NpgsqlDbType.Uuid);
        writer.Write(member.Row.Name, NpgsqlDbType.Varchar);
        writer.Write(member.Row.Relation, NpgsqlDbType.Varchar);
        WriteNullable(writer, member.IdNumber?.Cipher, NpgsqlDbType.Bytea);
        WriteNullable(writer, member.IdNumber?.Hash, NpgsqlDbType.Bytea);
        WriteNullable(writer, member.IdNumber?.Masked, NpgsqlDbType.Varchar);
        WriteNullable(writer, member.Phone?.Cipher, NpgsqlDbType.Bytea);
        WriteNullable(writer, member.Phone?.Hash, NpgsqlDbType.Bytea);
        WriteNullable(writer, member.Phone?.Masked, NpgsqlDbType.Varchar);
    }

    /// <summary>
    /// Registered households of the chunk: staged, then compared with the register; only what
    /// differs is written, and members the file no longer lists are removed. Returns the
    /// households that changed.
    /// </summary>
    private async Task<(List<Guid> Changed, int MembersWritten, int MembersRemoved)> MergeKnownAsync(
        List<ImportHousehold> households, Func<HouseholdCsvRow, string, string?, Guid?> unit, CancellationToken cancellationToken)
    {
        await ExecuteAsync("""
            CREATE TEMP TABLE import_rows (
                household_id uuid NOT NULL, village_code text NOT NULL, group_id uuid, compound_id uuid, address text NOT NULL,
                status text NOT NULL, tags text[] NOT NULL, is_head boolean NOT NULL,
                member_id uuid NOT NULL, name text NOT NULL, relation text NOT NULL,
                id_cipher bytea, id_hash bytea, id_masked text, phone_cipher bytea, phone_hash bytea, phone_masked text) ON COMMIT DROP;
            CREATE TEMP TABLE import_changed (household_id uuid PRIMARY KEY) ON COMMIT DROP;
            """, cancellationToken);
        await using (var writer = await Connection.BeginBinaryImportAsync(
            "COPY import_rows (village_code, group_id, compound_id, address, status, tags, is_head, member_id, household_id, name, relation, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var household in households)
            {
                var row = household.Fields;
                foreach (var member in household.Members)
                {
                    writer.StartRow();
                    writer.Write(row.VillageCode, NpgsqlDbType.Text);
                    WriteNullable(writer, unit(row, "Group", row.GroupName), NpgsqlDbType.Uuid);
                    WriteNullable(writer, unit(row, "Compound", row.CompoundName), NpgsqlDbType.Uuid);
                    writer.Write(row.Address, NpgsqlDbType.Text);
                    writer.Write(row.Status.ToString(), NpgsqlDbType.Text);
                    writer.Write(row.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    writer.Write(ReferenceEquals(member, household.Head), NpgsqlDbType.Boolean);
                    WriteMember(writer, household.Id, member);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        // A chunk is a few thousand rows against tables of millions: every join must be a probe by
        // key. Statistics lag a bulk load, and left to itself the planner scans the big side
        // (a merge join walks the members index from its start), so only nested loops are allowed.
        await using var command = new NpgsqlCommand("""
            CREATE INDEX ON import_rows (household_id, name);
            ANALYZE import_rows;
            SET LOCAL enable_seqscan = off;
            SET LOCAL enable_mergejoin = off;
            SET LOCAL enable_hashjoin = off;

            WITH written AS (
                UPDATE households h SET
                    village_code = r.village_code, group_id = r.group_id, compound_id = r.compound_id, address = r.address,
                    head_name = r.name, status = r.status, tags = r.tags, updated_at = @now
                FROM import_rows r
                WHERE r.is_head AND h.id = r.household_id
                  AND (h.village_code, h.group_id, h.compound_id, h.address, h.head_name, h.status, h.tags)
                      IS DISTINCT FROM (r.village_code, r.group_id, r.compound_id, r.address, r.name, r.status, r.tags)
                RETURNING h.id)
            INSERT INTO import_changed (household_id) SELECT id FROM written;

            -- Update and insert apart, not ON CONFLICT: that locks (and so writes) every member it
            -- finds, even when nothing differs, and a re-import must write nothing.
            WITH updated AS (
                UPDATE household_members m SET
                    relation = r.relation,
                    id_number_cipher = r.id_cipher, id_number_hash = r.id_hash, id_number_masked = r.id_masked,
                    phone_cipher = r.phone_cipher, phone_hash = r.phone_hash, phone_masked = r.phone_masked
                FROM import_rows r
                WHERE m.household_id = r.household_id AND m.name = r.name
                  AND (m.relation, m.id_number_hash, m.phone_hash) IS DISTINCT FROM (r.relation, r.id_hash, r.phone_hash)
                RETURNING m.household_id),
            inserted AS (
                INSERT INTO household_members (id, household_id, name, relation, id_number_cipher, id_number_hash, id_number_masked,
                                               phone_cipher, phone_hash, phone_masked)
                SELECT member_id, household_id, name, relation, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked
                FROM import_rows r
                WHERE NOT EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = r.household_id AND m.name = r.name)
                RETURNING household_id),
            written AS (SELECT household_id FROM updated UNION ALL SELECT household_id FROM inserted),
            changed AS (
                INSERT INTO import_changed (household_id) SELECT DISTINCT household_id FROM written
                ON CONFLICT (household_id) DO NOTHING)
            SELECT count(*) FROM written;

            WITH removed AS (
                DELETE FROM household_members m
                WHERE m.household_id = ANY(@households)
                  AND NOT EXISTS (SELECT 1 FROM import_rows i WHERE i.household_id = m.household_id AND i.name = m.name)
                RETURNING m.household_id),
            changed AS (
                INSERT INTO import_changed (household_id) SELECT DISTINCT household_id FROM removed
                ON CONFLICT (household_id) DO NOTHING)
            SELECT count(*) FROM removed;

            SELECT household_id FROM import_changed;
            RESET enable_seqscan;
            RESET enable_mergejoin;
            RESET enable_hashjoin;
            """, Connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("households", households.Select(h => h.Id).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var written = (int)reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var removed = (int)reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var changed = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changed.Add(reader.GetGuid(0));
        }

        return (changed, written, removed);
    }

    /// <summary>
    /// HouseholdsImported messages of up to <see cref="HouseholdsPerMessage"/> households: new ones
    /// described from the file, changed ones read back from the register. A household that moved
    /// village loses its pairings there (PairingEnded), as a move through the API does.
    /// </summary>
    private async Task<int> RaiseEventsAsync(
        List<ImportHousehold> fresh, List<Guid> changed, Func<HouseholdCsvRow, string, string?, Guid?> unit, CancellationToken cancellationToken)
    {
        var registered = fresh.Select(h => new HouseholdRegistered(
            h.Id, h.Fields.HouseholdNumber, h.Fields.VillageCode, h.Fields.Name, now, h.Fields.Address, h.Fields.Status.ToString(), h.Fields.Tags,
            h.Members.OrderByDescending(m => ReferenceEquals(m, h.Head))
                .Select(m => new HouseholdMemberContact(m.MemberId, m.Row.Name, m.Row.Relation, ReferenceEquals(m, h.Head), m.Row.Phone)).ToList(),
            unit(h.Fields, "Group", h.Fields.GroupName), unit(h.Fields, "Compound", h.Fields.CompoundName))).ToList();
        var updated = changed.Count == 0 ? [] : await ReadChangedAsync(changed, cancellationToken);
        var count = changed.Count == 0 ? 0 : await EndPairingsOfMovedAsync(changed, cancellationToken);

        var messages = new List<(HouseholdsImported, string)>();
        for (int r = 0, u = 0; r < registered.Count || u < updated.Count;)
        {
            var newOnes = registered.Skip(r).Take(HouseholdsPerMessage).ToList();
            var changedOnes = updated.Skip(u).Take(HouseholdsPerMessage - newOnes.Count).ToList();
            r += newOnes.Count;
            u += changedOnes.Count;
            var part = nextPart();
            messages.Add((new HouseholdsImported(jobId, part, newOnes, changedOnes), $"{jobId}/{part}"));
        }

        return count + await db.CopyIntegrationEventsAsync(messages, now, cancellationToken);
    }

    private async Task<int> EndPairingsOfMovedAsync(List<Guid> changed, CancellationToken cancellationToken)
    {
        var ended = new List<(PairingEnded, string)>();
        await using (var command = new NpgsqlCommand("""
            UPDATE pairings p SET ended_at = @now, ended_by = 'import', end_reason = '户迁出'
            FROM households h
            WHERE h.id = ANY(@changed) AND p.household_id = h.id AND p.ended_at IS NULL AND p.village_code <> h.village_code
            RETURNING p.id, p.kind, p.household_id, p.village_code, p.cadre_id
            """, Connection))
        {
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("changed", changed.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ended.Add((new PairingEnded(reader.GetGuid(0), reader.GetString(1), now, reader.GetGuid(2), reader.GetString(3), reader.GetGuid(4), "户迁出"),
                    reader.GetGuid(0).ToString()));
            }
        }

        return await db.CopyIntegrationEventsAsync(ended, now, cancellationToken);
    }

    private async Task<List<HouseholdUpdated>> ReadChangedAsync(List<Guid> changed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT h.id, h.household_number, h.village_code, h.group_id, h.compound_id, h.address, h.head_name, h.status, h.tags, h.updated_at,
                   m.id, m.name, m.relation, m.phone_cipher
            FROM households h
            LEFT JOIN household_members m ON m.household_id = h.id
            WHERE h.id = ANY(@changed)
            ORDER BY h.id
            """, Connection);
        command.Parameters.AddWithValue("changed", changed.ToArray());
        var households = new List<(HouseholdEvents.Facts Facts, List<HouseholdEvents.MemberRow> Members)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (households.Count == 0 || households[^1].Facts.Id != id)
                {
                    households.Add((new HouseholdEvents.Facts(id, reader.GetString(1), reader.GetString(2), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(9),
                        reader.GetString(5), reader.GetString(7), reader.GetFieldValue<string[]>(8),
                        reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4)), []));
                }

                if (!reader.IsDBNull(10))
                {
                    var relation = reader.GetString(12);
                    households[^1].Members.Add(new HouseholdEvents.MemberRow(reader.GetGuid(10), reader.GetString(11), relation, relation == HouseholdMember.HeadRelation,
                        reader.IsDBNull(13) ? null : reader.GetFieldValue<byte[]>(13)));
                }
            }
        }

        return [.. households.Select(h => HouseholdEvents.Updated(h.Facts, h.Members, protector, "Imported"))];
    }

    private async Task CopyErrorsAsync(List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        var kept = errorBudget.Take(errors.Count);
        if (kept == 0)
        {
            return;
        }

        await using var writer = await Connection.BeginBinaryImportAsync(
            "COPY import_errors (import_id, line, field, message) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var error in errors.OrderBy(e => e.Line).Take(kept))
        {
            writer.StartRow();
            writer.Write(jobId, NpgsqlDbType.Uuid);
            writer.Write(error.Line, NpgsqlDbType.Integer);
            writer.Write(error.Field, NpgsqlDbType.Varchar);
            writer.Write(error.Message.Length > 500 ? error.Message[..500] : error.Message, NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync(cancellationToken);
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

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, Connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>How many more rejected lines an import may still store; beyond it they are counted, not listed.</summary>
public sealed class ImportErrorBudget(int limit)
{
    private int _left = limit;

    public int Take(int wanted)
    {
        while (true)
        {
            var left = Volatile.Read(ref _left);
            var taken = Math.Min(left, wanted);
            if (Interlocked.CompareExchange(ref _left, left - taken, left) == left)
            {
                return taken;
            }
        }
    }
}
