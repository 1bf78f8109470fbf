namespace MassWork.Personnel.Imports;

/// <summary>
/// Binary COPY of an import's rows: households new to the register with their members straight into
/// the tables (no staging, no conflict handling), and the rejected lines up to the import's budget.
/// </summary>
internal static class ImportCopy
{
    public static async Task InsertNewAsync(
        NpgsqlConnection connection, BinaryCopyRows rows, List<ImportHousehold> households, Func<HouseholdCsvRow, string, string?, Guid?> unit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (households.Count == 0)
        {
            return;
        }

        foreach (var household in households)
        {
            var row = household.Fields;
            rows.StartRow(12);
            rows.Uuid(household.Id);
            rows.Text(row.HouseholdNumber);
            rows.Text(row.VillageCode);
            rows.Uuid(unit(row, "Group", row.GroupName));
            rows.Uuid(unit(row, "Compound", row.CompoundName));
            rows.Text(row.Address);
            rows.Text(row.Name);
            rows.Text(row.Status.ToString());
            rows.TextArray(row.Tags);
            rows.TimestampTz(now);
            rows.Text("import");
            rows.TimestampTz(now);
        }

        await rows.CopyAsync(connection,
            "COPY households (id, household_number, village_code, group_id, compound_id, address, head_name, status, tags, registered_at, registered_by, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);

        foreach (var household in households)
        {
            foreach (var member in household.Members)
            {
                rows.StartRow(MemberFields);
                WriteMember(rows, household.Id, member);
            }
        }

        await rows.CopyAsync(connection,
            "COPY household_members (id, household_id, name, relation, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
    }

    /// <summary>The fields <see cref="WriteMember"/> writes.</summary>
    public const short MemberFields = 10;

    public static void WriteMember(BinaryCopyRows rows, Guid householdId, StagedLine member)
    {
        rows.Uuid(member.MemberId);
        rows.Uuid(householdId);
        rows.Text(member.Row.Name);
        rows.Text(member.Row.Relation);
        rows.Bytes(member.IdNumber?.Cipher);
        rows.Bytes(member.IdNumber?.Hash);
        rows.Text(member.IdNumber?.Masked);
        rows.Bytes(member.Phone?.Cipher);
        rows.Bytes(member.Phone?.Hash);
        rows.Text(member.Phone?.Masked);
    }

    public static async Task CopyErrorsAsync(NpgsqlConnection connection, BinaryCopyRows rows, Guid jobId, List<ImportRowError> errors, int kept, CancellationToken cancellationToken)
    {
        if (kept == 0)
        {
            return;
        }

        foreach (var error in errors.OrderBy(e => e.Line).Take(kept))
        {
            rows.StartRow(4);
            rows.Uuid(jobId);
            rows.Int32(error.Line);
            rows.Text(error.Field);
            rows.Text(error.Message.Length > 500 ? error.Message[..500] : error.Message);
        }

        await rows.CopyAsync(connection, "COPY import_errors (import_id, line, field, message) FROM STDIN (FORMAT BINARY)", cancellationToken);
    }
}
