namespace MassWork.Projects.Projects;

/// <summary>The event a step raises, built after the change from the project as it now is; null for none.</summary>
public delegate object? ProjectStepAction(Project p, DateTimeOffset now);

/// <summary>A step that reads more than the project (its money) before it raises its event.</summary>
public delegate Task<object?> ProjectStepActionAsync(Project p, DateTimeOffset now, CancellationToken cancellationToken);

/// <summary>
/// Runs one step on one project: load, check scope and role, apply the domain method, raise its
/// event through the outbox, save. A stale If-Match gets 412; a concurrent change (xmin) or a step
/// the stage does not allow gets 409; an approver who does not fit the step gets 403.
/// </summary>
public sealed class ProjectCommands(ProjectsDbContext db, TimeProvider time)
{
    public async Task<Project?> LoadAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var p = await db.Projects.Include(x => x.Approvals).Include(x => x.Steps).Include(x => x.Milestones).ThenInclude(m => m.Updates).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        return p is not null && caller.Covers(p.RegionCode) ? p : null;
    }

    /// <summary>Permission null: the approval chain decides who may act.</summary>
    public Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id, Caller caller, string? permission, HttpContext http, ProjectStepAction action) =>
        RunAsync(id, caller, permission, http, lockRow: false, (p, now, _) => Task.FromResult(action(p, now)));

    /// <summary>
    /// As above, in a transaction that first locks the project's row (FOR UPDATE): the ledger's writers
    /// hold it FOR SHARE, so the step waits for money being written and reads the money as it then
    /// stands, and any later entry sees the step's stage.
    /// </summary>
    public Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> RunLockedAsync(
        Guid id, Caller caller, string? permission, HttpContext http, ProjectStepActionAsync action) =>
        RunAsync(id, caller, permission, http, lockRow: true, action);

    private async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id, Caller caller, string? permission, HttpContext http, bool lockRow, ProjectStepActionAsync action)
    {
        var cancellationToken = http.RequestAborted;
        var p = await LoadAsync(id, caller, cancellationToken);
        if (p is null)
        {
            return Problems.NotFound($"Project {id}");
        }

        if (permission is not null && !caller.Can(permission))
        {
            return Problems.Forbidden($"This step is taken by {string.Join(" or ", Permissions.RolesFor(permission))} over the project's region.");
        }

        if (Versions.IfMatchFails(http.Request, p.Version))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The project changed",
                detail: $"If-Match {http.Request.Headers.IfMatch} is not the current version {ETag(p)}; read the project again.");
        }

        await using var transaction = lockRow ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (lockRow)
            {
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM projects WHERE id = {id} FOR UPDATE", cancellationToken);
            }

            if (await action(p, time.GetUtcNow(), cancellationToken) is { } raised)
            {
                db.RaiseIntegrationEvent(raised, p.Id.ToString());
            }

            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            return Problems.Conflict("The project changed", "Someone else changed the project at the same time; read it again and retry.");
        }

        http.Response.Headers.ETag = ETag(p);
        return TypedResults.Ok(ProjectView.Of(p));
    }

    public static string ETag(Project p) => Versions.ETag(p.Version);
}
