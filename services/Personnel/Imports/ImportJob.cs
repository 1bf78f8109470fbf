namespace MassWork.Personnel.Imports;

/// <summary>A household import: its file, where it has got to, and what it changed.</summary>
public sealed class ImportJob
{
    public Guid Id { get; init; }

    public required string FileName { get; init; }

    public ImportStatus Status { get; set; }

    /// <summary>Where a running import is: Queued, Planning (reading household numbers), Loading (chunks being written; the counts grow as each commits), Done.</summary>
    public string Phase { get; set; } = "Queued";

    public string? Encoding { get; set; }

    public long FileBytes { get; init; }

    public long BytesRead { get; set; }

    public int LinesRead { get; set; }

    public int RowsStaged { get; set; }

    public int RowsRejected { get; set; }

    public int HouseholdsInserted { get; set; }

    public int HouseholdsUpdated { get; set; }

    public int HouseholdsUnchanged { get; set; }

    public int MembersWritten { get; set; }

    public int MembersRemoved { get; set; }

    public string? Failure { get; set; }

    /// <summary>The region the uploader may write; lines outside it are rejected.</summary>
    public required string RegionPrefix { get; init; }

    public required string CreatedBy { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>The instance that holds the file (an upload lives on the replica that received it).</summary>
    public required string Instance { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Records what a finished import changed; the worker and the demo seeder both end jobs this way.</summary>
    public void Complete(ImportOutcome outcome, DateTimeOffset now)
    {
        Status = ImportStatus.Completed;
        Phase = "Done";
        FinishedAt = now;
        LinesRead = outcome.Lines;
        BytesRead = FileBytes;
        RowsStaged = outcome.Staged;
        RowsRejected = outcome.Rejected;
        HouseholdsInserted = outcome.Inserted;
        HouseholdsUpdated = outcome.Updated;
        HouseholdsUnchanged = outcome.Unchanged;
        MembersWritten = outcome.MembersWritten;
        MembersRemoved = outcome.MembersRemoved;
    }

    public void Fail(string failure, DateTimeOffset now)
    {
        Status = ImportStatus.Failed;
        Phase = "Done";
        FinishedAt = now;
        Failure = failure;
    }
}

public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>A rejected line; the import goes on without it.</summary>
public sealed class ImportError
{
    public long Id { get; init; }

    public Guid ImportId { get; init; }

    public int Line { get; init; }

    public required string Field { get; init; }

    public required string Message { get; init; }
}
