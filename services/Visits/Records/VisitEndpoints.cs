namespace MassWork.Visits.Records;

public static class VisitEndpoints
{
    public static IEndpointRouteBuilder MapVisitEndpoints(this IEndpointRouteBuilder routes)
    {
        var visits = routes.MapGroup("/api/visits/visits").WithTags("Visits").RequireRegionScope();
        visits.MapPost("/", RecordAsync).WithName("RecordVisit")
            .WithSummary("Record a visit (走访) with what was delivered; the same clientId again returns the visit first stored")
            .RequireAuthorization(Permissions.RecordVisits)
            .WithIdempotency<VisitsDbContext>();
        visits.MapGet("/{id:guid}", GetAsync).WithName("GetVisit").WithSummary("One visit with its cadres, households and what was delivered");
        visits.MapGet("/", ListAsync).WithName("ListVisits")
            .WithSummary("Visits in your region, newest first; filter by household, cadre, village and Asia/Shanghai dates from–to (inclusive)");
        return routes;
    }

    internal static async Task<Results<Created<VisitView>, Ok<VisitView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        VisitRequest request, Caller caller, VisitRecorder recorder, VisitReader reader, CancellationToken cancellationToken)
    {
        var outcome = await recorder.RecordAsync(request, caller, cancellationToken);
        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        if (outcome.Visit is not { } visit)
        {
            return outcome.Validation.ToProblem("The visit cannot be recorded");
        }

        var view = await reader.ViewAsync(visit, caller.RegionPrefix, cancellationToken);
        return outcome.Replayed ? TypedResults.Ok(view) : TypedResults.Created($"/api/visits/visits/{visit.Id}", view);
    }

    internal static async Task<Results<Ok<VisitView>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, VisitReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, caller.RegionPrefix, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"Visit {id}");

    internal static async Task<Results<Ok<VisitPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Caller caller, VisitReader reader, CancellationToken cancellationToken,
        Guid? household = null, Guid? cadre = null, string? village = null, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (VillageFilter.Invalid(village) is { } invalid)
        {
            return invalid;
        }

        if (from is not null && to < from)
        {
            return Problems.Invalid("to", "On or after 'from'.");
        }

        return TypedResults.Ok(await reader.ListAsync(caller.RegionPrefix, new VisitFilter(household, cadre, village, from, to), page, pageSize, cancellationToken));
    }
}
