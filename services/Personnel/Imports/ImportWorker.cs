using MassWork.ServiceDefaults.Data;
using Microsoft.Extensions.Options;

namespace MassWork.Personnel.Imports;

/// <summary>
/// Runs imports one after another on this replica. Any replica may run any import: the files wait in
/// a folder all replicas share, and a replica claims an import in the database (row locks skip the
/// ones another replica is claiming) and keeps its claim alive while it works. An import whose runner
/// stopped or went away is taken up again once its claim lapses, or at once by the same replica
/// restarted: chunks already committed are found unchanged, so it simply runs again.
/// </summary>
public sealed partial class ImportWorker(
    ImportQueue arrivals, HouseholdImporter importer, IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider time,
    ILogger<ImportWorker> logger) : BackgroundService
{
    private ImportOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Guid? claimed = null;
            try
            {
                claimed = await ClaimNextAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogClaimFailed(ex);
            }

            if (claimed is { } jobId)
            {
                try
                {
                    await RunAsync(jobId, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Ending the run failed (the database went away): the claim lapses and a replica takes it up again.
                    LogImportFailed(ex, jobId);
                }

                continue;
            }

            try
            {
                await arrivals.WaitAsync(Options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Claims the oldest import that may be taken up (<see cref="ImportJob.IsClaimable"/>), or none.
    /// Unfinished imports are few, so all of them are locked and the rule is applied here, once.
    /// An import whose file is gone is failed with a reason its uploader can act on.
    /// </summary>
    private async Task<Guid?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unfinished = await db.ImportJobs
            .FromSql($"SELECT * FROM import_jobs WHERE status IN ({nameof(ImportStatus.Queued)}, {nameof(ImportStatus.Running)}) ORDER BY created_at FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Guid? claimed = null;
        foreach (var job in unfinished.Where(j => j.IsClaimable(Options.Instance, now)))
        {
            if (!File.Exists(Options.PathFor(job.Id)))
            {
                job.Fail("The uploaded file is no longer in the import folder (it is not shared by every replica, or it was removed); upload it again.", now);
                continue;
            }

            job.Claim(Options.Instance, now, Options.Lease);
            claimed = job.Id;
            break;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private async Task RunAsync(Guid jobId, CancellationToken stoppingToken)
    {
        string regionPrefix;
        await using (var scope = scopes.CreateAsyncScope())
        {
            regionPrefix = await scope.ServiceProvider.GetRequiredService<PersonnelDbContext>().ImportJobs
                .Where(j => j.Id == jobId).Select(j => j.RegionPrefix).SingleAsync(stoppingToken);
        }

        using var claimLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = KeepClaimAsync(jobId, claimLost);
        ImportOutcome? outcome = null;
        string? failure = null;
        try
        {
            outcome = await importer.RunAsync(jobId, Options.PathFor(jobId), regionPrefix, claimLost.Token);
        }
        catch (ImportFileException ex)
        {
            failure = ex.Message;
        }
        catch (OperationCanceledException) when (claimLost.IsCancellationRequested)
        {
            // Stopping, or another replica holds the import now: the end below says which.
        }
        catch (Exception ex)
        {
            LogImportFailed(ex, jobId);
            failure = "The import stopped on the server. The households counted above were loaded; upload the file again to load the rest "
                + "(households already loaded are left as they are). If it fails again, ask an operator (see the service log).";
        }

        await claimLost.CancelAsync();
        await renewal;
        await using var end = scopes.CreateAsyncScope();
        var db = end.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, CancellationToken.None);
        if (job.Status != ImportStatus.Running || job.Instance != Options.Instance)
        {
            LogClaimLost(jobId);
            return;
        }

        if (outcome is not null)
        {
            job.Complete(outcome, time.GetUtcNow());
        }
        else if (failure is not null)
        {
            job.Fail(failure, time.GetUtcNow());
        }
        else
        {
            job.Release();
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (job.Status is ImportStatus.Completed or ImportStatus.Failed)
        {
            File.Delete(Options.PathFor(jobId));
        }
    }

    /// <summary>
    /// Renews the claim every third of the lease until the run ends; if another replica has taken the
    /// import meanwhile (this one stalled past its lease), the run is stopped.
    /// </summary>
    private async Task KeepClaimAsync(Guid jobId, CancellationTokenSource run)
    {
        if (!await LeaseRenewal.KeepAsync(Options.Lease / 3, time, () => RenewAsync(jobId, CancellationToken.None), ex => LogRenewFailed(ex, jobId), run.Token))
        {
            await run.CancelAsync();
        }
    }

    private async Task<bool> RenewAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var until = time.GetUtcNow() + Options.Lease;
        return await scope.ServiceProvider.GetRequiredService<PersonnelDbContext>().ImportJobs
            .Where(j => j.Id == jobId && j.Instance == Options.Instance && j.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancellationToken) == 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for imports to run failed; looking again shortly")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} failed")]
    private partial void LogImportFailed(Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the claim on import {JobId} failed")]
    private partial void LogRenewFailed(Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {JobId} was taken up by another replica after this one's claim lapsed; this run stops")]
    private partial void LogClaimLost(Guid jobId);
}
