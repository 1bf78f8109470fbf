using MassWork.Petitions.Cases;
using MassWork.Petitions.Departments;

namespace MassWork.Petitions.Intake;

public static class IntakeEndpoints
{
    public static IEndpointRouteBuilder MapIntakeEndpoints(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/api/petitions/cases").WithTags("Intake");
        cases.MapPost("/", RegisterAsync).WithName("RegisterCase")
            .WithSummary("Register a demand or petition from any channel; repeats are linked, skip-level intakes flagged, matters final after 复核 refused")
            .RequireAuthorization(Permissions.FilePetitions)
            .WithIdempotency<PetitionsDbContext>();
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase").WithSummary("One case with its owners, deadlines and full history");
        return routes;
    }

    internal static async Task<Results<Created<CaseView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        IntakeRequest request, Caller caller, IntakeService intake, PetitionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await intake.RegisterAsync(request, caller.UserId, caller.RegionPrefix, CaseAccess.LevelOf(caller.RegionPrefix), null, cancellationToken);
        if (result.OutsideRegion is { } region)
        {
            return Problems.OutsideRegion(request.HouseholdId is null ? "regionCode" : "householdId", region, caller.RegionPrefix);
        }

        if (result.Case is not { } c)
        {
            return result.Validation.ToProblem("The matter cannot be registered");
        }

        var departments = await DepartmentStaff.OfHolderAsync(db, caller.UserId, c, cancellationToken);
        return TypedResults.Created($"/api/petitions/cases/{c.Id}", CaseView.For(c, caller, departments, time.GetUtcNow()));
    }

    internal static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, CaseCommands commands, PetitionsDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var c = await commands.LoadAsync(id, cancellationToken);
        var departments = c is null ? [] : await DepartmentStaff.OfHolderAsync(db, caller.UserId, c, cancellationToken);
        if (c is null || !CaseAccess.Allows(caller, c, CasePermission.Read, departments))
        {
            return Problems.NotFound($"Case {id}");
        }

        http.Response.Headers.ETag = CaseCommands.ETag(c);
        return TypedResults.Ok(CaseView.For(c, caller, departments, time.GetUtcNow()));
    }
}
