using Npgsql;
using NpgsqlTypes;

namespace MassWork.Personnel.Imports;

/// <summary>
/// Binary COPY of an import's rows: households new to the register with their members straight into
/// the tables (no staging, no conflict handling), and the rejected lines up to the import's budget.
/// </summary>
internal static class ImportCopy
{
    public static async Task InsertNewAsync(
        NpgsqlConnection connection, List<ImportHousehold> households, Func<HouseholdCsvRow, string, string?, Guid?> unit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (households.Count == 0)
        {
            return;
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
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

        await using (var writer = await connection.BeginBinaryImportAsync(
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

    public static void WriteMember(NpgsqlBinaryImporter writer, Guid householdId, StagedLine member)
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

    public static async Task CopyErrorsAsync(NpgsqlConnection connection, Guid jobId, List<ImportRowError> errors, int kept, CancellationToken cancellationToken)
    {
        if (kept == 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(
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

    public static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
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
}
