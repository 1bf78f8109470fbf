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

    /// <summary>The replica that received the upload, then the one that runs it (its claim).</summary>
    public required string Instance { get; set; }

    /// <summary>Until when the running replica's claim holds; it renews it while it works. A claim let lapse
    /// (the replica stopped or went away) lets another replica take the import up from the shared folder.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// Whether <paramref name="claimant"/>, idle, may take this import up now: it waits, its runner's
    /// claim has lapsed, or its runner was the claimant itself before a restart (an idle worker runs nothing).
    /// </summary>
    public bool IsClaimable(string claimant, DateTimeOffset now) =>
        Status == ImportStatus.Queued
        || (Status == ImportStatus.Running && (LeaseUntil is null || LeaseUntil < now || Instance == claimant));

    /// <summary>A replica takes the import up (again): chunks an earlier run committed are found unchanged.</summary>
    public void Claim(string instance, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsClaimable(instance, now))
        {
            throw new InvalidOperationException($"Import {Id} is {Status} and claimed by {Instance} until {LeaseUntil:O}.");
        }

        Status = ImportStatus.Running;
        Instance = instance;
        StartedAt ??= now;
        LeaseUntil = now + lease;
    }

    /// <summary>A stopping replica hands its import back, so another takes it up at once instead of after the lease.</summary>
    public void Release()
    {
        if (Status == ImportStatus.Running)
        {
            Status = ImportStatus.Queued;
            Phase = "Queued";
            LeaseUntil = null;
        }
    }

    /// <summary>Records what a finished import changed; the worker and the demo seeder both end jobs this way.</summary>
    public void Complete(ImportOutcome outcome, DateTimeOffset now)
    {
        Status = ImportStatus.Completed;
        LeaseUntil = null;
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
        LeaseUntil = null;
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
