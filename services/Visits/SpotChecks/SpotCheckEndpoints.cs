namespace MassWork.Visits.SpotChecks;

public static class SpotCheckEndpoints
{
    public static IEndpointRouteBuilder MapSpotCheckEndpoints(this IEndpointRouteBuilder routes)
    {
        var checks = routes.MapGroup("/api/visits/spot-checks").WithTags("Spot-checks").RequireAuthorization(Permissions.SpotCheckVisits).RequireRegionScope();
        checks.MapPost("/", DrawAsync).WithName("DrawSpotCheck")
            .WithSummary("Draw a reproducible sample of the households visited in a region and period to call (电话抽查); the same seed draws the same sample")
            .WithIdempotency<VisitsDbContext>();
        checks.MapGet("/{id:guid}", GetAsync).WithName("GetSpotCheck").WithSummary("A spot-check as drawn, with its calls, answers and tally");
        checks.MapGet("/", ListAsync).WithName("ListSpotChecks").WithSummary("Spot-checks drawn in your region, newest first");
        checks.MapPost("/{id:guid}/calls/{callId:guid}/answer", AnswerAsync).WithName("AnswerSpotCheckCall")
            .WithSummary("Record what the household said: reached, visited, the cadre it names, satisfied; a 'not visited' flags the visits. If-Match with the call's ETag");
        return routes;
    }

    internal static async Task<Created<SpotCheckView>> DrawAsync(SpotCheckRequest request, Caller caller, SpotCheckService checks, CancellationToken cancellationToken)
    {
        var check = await checks.DrawAsync(request, caller, cancellationToken);
        return TypedResults.Created($"/api/visits/spot-checks/{check.Id}", check);
    }

    internal static async Task<Results<Ok<SpotCheckView>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, SpotCheckService checks, CancellationToken cancellationToken) =>
        await checks.GetAsync(id, caller, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"Spot-check {id}");

    internal static async Task<Results<Ok<SpotCheckPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Caller caller, SpotCheckService checks, CancellationToken cancellationToken, string? region = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (region is not null && !RegionPrefixes.IsValid(region))
        {
            return Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.");
        }

        return TypedResults.Ok(await checks.ListAsync(caller, region, page, pageSize, cancellationToken));
    }

    internal static Task<Results<Ok<CallView>, ProblemHttpResult>> AnswerAsync(
        Guid id, Guid callId, CallAnswer answer, Caller caller, SpotCheckService checks, HttpContext http, CancellationToken cancellationToken) =>
        checks.AnswerAsync(id, callId, answer, caller, http, cancellationToken);
}
