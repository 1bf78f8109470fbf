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
    private const int Attempts = 3;

    /// <summary>Each COPY of this writer's chunks is encoded here, one after another: it grows to the largest once.</summary>
    private readonly BinaryCopyRows _rows = new(1 << 20);

    public async Task<ChunkOutcome> WriteAsync(PreparedChunk chunk, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var units = await ImportRegionUnits.EnsureAsync(Connection, chunk.Households, cancellationToken);
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

        await ImportCopy.InsertNewAsync(Connection, _rows, fresh, Unit, now, cancellationToken);
        var (changed, membersWritten, membersRemoved) = known.Count == 0
            ? ([], 0, 0)
            : await ImportMerge.MergeKnownAsync(Connection, _rows, known, Unit, now, cancellationToken);
        var events = await new ImportEvents(db, protector, jobId, now, nextPart).RaiseAsync(fresh, changed, Unit, cancellationToken);
        await ImportCopy.CopyErrorsAsync(Connection, _rows, jobId, errors, errorBudget.Take(errors.Count), cancellationToken);

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

}
