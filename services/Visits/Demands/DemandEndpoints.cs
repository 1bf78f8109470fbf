using MassWork.Visits.Records;

namespace MassWork.Visits.Demands;

public static class DemandEndpoints
{
    public static IEndpointRouteBuilder MapDemandEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/visits/visits/{id:guid}/demands", AddAsync).WithTags("Demands").WithName("AddDemand")
            .WithSummary("Add a demand (诉求) raised on a visit; it becomes a case in petitions. The same clientId again returns the demand first stored")
            .RequireAuthorization(Permissions.RecordVisits)
            .WithIdempotency<VisitsDbContext>();
        routes.MapGet("/api/visits/ledger", LedgerAsync).WithTags("Demands").WithName("VillageLedger")
            .WithSummary("The village ledger (民情台账): demands raised on visits in your region with their case's status, newest first")
            .RequireRegionScope();
        return routes;
    }

    internal static async Task<Results<Created<DemandView>, Ok<DemandView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, DemandInput request, Caller caller, DemandRecorder recorder, VisitReader reader, CancellationToken cancellationToken)
    {
        var outcome = await recorder.AddAsync(id, request, caller, cancellationToken);
        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        if (outcome.Demand is not { } demand)
        {
            return outcome.Validation.ToProblem("The demand cannot be recorded");
        }

        var view = DemandView.Of(demand, await reader.HouseholdNamesAsync([demand.HouseholdId], cancellationToken));
        return outcome.Replayed ? TypedResults.Ok(view) : TypedResults.Created($"/api/visits/ledger?village={demand.VillageCode}", view);
    }

    internal static async Task<Results<Ok<LedgerPage>, ValidationProblem, ProblemHttpResult>> LedgerAsync(
        Caller caller, LedgerReader ledger, CancellationToken cancellationToken,
        string? village = null, string? status = null, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (VillageFilter.Invalid(village) is { } invalid)
        {
            return invalid;
        }

        DemandStatus? parsed = null;
        if (status is not null)
        {
            if (!EnumNames.TryParse<DemandStatus>(status, out var s))
            {
                return Problems.Invalid("status", EnumNames.OneOf<DemandStatus>());
            }

            parsed = s;
        }

        if (from is not null && to < from)
        {
            return Problems.Invalid("to", "On or after 'from'.");
        }

        return TypedResults.Ok(await ledger.PageAsync(caller.RegionPrefix, new LedgerFilter(village, parsed, from, to), page, pageSize, cancellationToken));
    }
}
