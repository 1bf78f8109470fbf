namespace MassWork.Personnel.Imports;

/// <summary>
/// Households of an import already in the register: staged, then merged set-based, writing only
/// what differs, so a re-import changes nothing.
/// </summary>
internal static class ImportMerge
{
    /// <summary>
    /// Registered households of the chunk: staged, then compared with the register; only what
    /// differs is written, and members the file no longer lists are removed. Returns the
    /// households that changed.
    /// </summary>
    public static async Task<(List<Guid> Changed, int MembersWritten, int MembersRemoved)> MergeKnownAsync(
        NpgsqlConnection connection, BinaryCopyRows rows, List<ImportHousehold> households, Func<HouseholdCsvRow, string, string?, Guid?> unit,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE import_rows (
                household_id uuid NOT NULL, village_code text NOT NULL, group_id uuid, compound_id uuid, address text NOT NULL,
                status text NOT NULL, tags text[] NOT NULL, is_head boolean NOT NULL,
                member_id uuid NOT NULL, name text NOT NULL, relation text NOT NULL,
                id_cipher bytea, id_hash bytea, id_masked text, phone_cipher bytea, phone_hash bytea, phone_masked text) ON COMMIT DROP;
            CREATE TEMP TABLE import_changed (household_id uuid PRIMARY KEY) ON COMMIT DROP;
            """, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var household in households)
        {
            var row = household.Fields;
            foreach (var member in household.Members)
            {
                rows.StartRow(7 + ImportCopy.MemberFields);
                rows.Text(row.VillageCode);
                rows.Uuid(unit(row, "Group", row.GroupName));
                rows.Uuid(unit(row, "Compound", row.CompoundName));
                rows.Text(row.Address);
                rows.Text(row.Status.ToString());
                rows.TextArray(row.Tags);
                rows.Boolean(ReferenceEquals(member, household.Head));
                ImportCopy.WriteMember(rows, household.Id, member);
            }
        }

        await rows.CopyAsync(connection,
            "COPY import_rows (village_code, group_id, compound_id, address, status, tags, is_head, member_id, household_id, name, relation, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked) FROM STDIN (FORMAT BINARY)",
            cancellationToken);

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
            """, connection);
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
}
