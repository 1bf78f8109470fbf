using MassWork.Personnel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MassWork.Personnel.Imports;

/// <summary>
/// Runs this replica's imports one after another. After a restart it takes up again the uploads
/// whose files it still holds: chunks already committed are found unchanged, so it simply runs again.
/// </summary>
public sealed class ImportWorker(
    ImportQueue queue, HouseholdImporter importer, IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider time,
    ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeAsync(stoppingToken);
        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            await RunAsync(jobId, stoppingToken);
        }
    }

    /// <summary>Runs after the migrator (hosted services start in order), so the tables exist.</summary>
    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        var unfinished = await db.ImportJobs
            .Where(j => j.Instance == options.Value.Instance && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running))
            .OrderBy(j => j.CreatedAt).ToListAsync(cancellationToken);
        foreach (var job in unfinished)
        {
            if (File.Exists(options.Value.PathFor(job.Id)))
            {
                job.Status = ImportStatus.Queued;
                job.Phase = "Queued";
                queue.Enqueue(job.Id);
            }
            else
            {
                job.Fail("The service restarted and the uploaded file is gone; upload it again.", time.GetUtcNow());
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        string regionPrefix;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
            var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            job.Status = ImportStatus.Running;
            job.StartedAt = time.GetUtcNow();
            regionPrefix = job.RegionPrefix;
            await db.SaveChangesAsync(cancellationToken);
        }

        ImportOutcome? outcome = null;
        string? failure = null;
        try
        {
            outcome = await importer.RunAsync(jobId, options.Value.PathFor(jobId), regionPrefix, cancellationToken);
        }
        catch (ImportFileException ex)
        {
            failure = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Import {JobId} failed", jobId);
            failure = "The import stopped on the server. The households counted above were loaded; upload the file again to load the rest "
                + "(households already loaded are left as they are). If it fails again, ask an operator (see the service log).";
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
            var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, CancellationToken.None);
            if (outcome is not null)
            {
                job.Complete(outcome, time.GetUtcNow());
            }
            else
            {
                job.Fail(failure!, time.GetUtcNow());
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        File.Delete(options.Value.PathFor(jobId));
    }
}
