using MassWork.Contracts.Petitions.V1;
using MassWork.Petitions.Deadlines;
using MassWork.Petitions.Departments;

namespace MassWork.Petitions.Cases;

/// <summary>The event a step raises, built after the change from the case as it now is.</summary>
public delegate object? CaseStepAction(Case c, CaseRules rules, DateTimeOffset now, Func<PetitionCaseRef> caseRef);

/// <summary>
/// Runs one step on one case: load, check scope and role, apply the domain method, raise its
/// event through the outbox, save. A stale If-Match gets 412; a concurrent change (xmin) or a
/// step the state does not allow gets 409; nothing is saved then.
/// </summary>
public sealed class CaseCommands(PetitionsDbContext db, RulesProvider rules, TimeProvider time)
{
    public async Task<Case?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Cases.Include(c => c.Deadlines).Include(c => c.Steps).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id, Caller caller, CasePermission permission, HttpContext http, CaseStepAction action)
    {
        var cancellationToken = http.RequestAborted;
        var c = await LoadAsync(id, cancellationToken);
        var departments = await DepartmentStaff.OfAsync(db, caller.UserId, cancellationToken);
        if (c is null || !CaseAccess.Allows(caller, c, CasePermission.Read, departments))
        {
            return Problems.NotFound($"Case {id}");
        }

        if (!CaseAccess.Allows(caller, c, permission, departments))
        {
            return Problems.Forbidden(permission switch
            {
                CasePermission.Handle => $"Only the holder of the case ({c.Holder?.Name ?? "none yet"}) does this.",
                CasePermission.Approve => "An extension is approved by a leader over the case's region.",
                CasePermission.Review => "复查 and 复核 are answered by a body above the town (county or city level).",
                _ => "Your role may not do this to a case.",
            });
        }

        if (Versions.IfMatchFails(http.Request, c.Version))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The case changed",
                detail: $"If-Match {http.Request.Headers.IfMatch} is not the current version {ETag(c)}; read the case again.");
        }

        var now = time.GetUtcNow();
        var caseRules = await rules.ForRegionAsync(c.RegionCode, cancellationToken);
        var categoryName = await db.Categories.Where(x => x.Code == c.CategoryCode).Select(x => x.Name).SingleAsync(cancellationToken);
        try
        {
            var raised = action(c, caseRules, now, () => CaseEvents.Ref(c, categoryName));
            foreach (var integrationEvent in raised switch { null => [], object[] many => many, _ => [raised] })
            {
                db.RaiseIntegrationEvent(integrationEvent, c.Id.ToString());
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The case changed", "Someone else changed the case at the same time; read it again and retry.");
        }

        http.Response.Headers.ETag = ETag(c);
        return TypedResults.Ok(CaseView.For(c, caller, departments, now));
    }

    public static string ETag(Case c) => Versions.ETag(c.Version);
}
