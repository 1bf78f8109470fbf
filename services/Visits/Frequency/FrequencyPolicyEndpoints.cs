using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Frequency;

public static class FrequencyPolicyEndpoints
{
    public static IEndpointRouteBuilder MapFrequencyPolicyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/visits/policy").WithTags("Frequency policy");
        group.MapGet("/{cityCode}", GetAsync).WithName("GetFrequencyPolicy")
            .WithSummary("The city's visiting frequency: contacts a year per paired household, days in the village by rank, meetings a quarter, due-soon days (defaults until edited)")
            .RequireAuthorization(Permissions.ReadSettings).RequireRegionScope(RegionReach.InsideOrAbove);
        group.MapPut("/{cityCode}", PutAsync).WithName("PutFrequencyPolicy")
            .WithSummary("Replace the city's visiting frequency; the sweeper judges by it from its next run (a city-wide caller only)")
            .RequireAuthorization(Permissions.ManagePolicies).RequireCityScope();
        return routes;
    }

    internal static async Task<Results<Ok<FrequencyPolicy>, ValidationProblem>> GetAsync(string cityCode, VisitsDbContext db, CancellationToken cancellationToken) =>
        Problems.CityCode(cityCode) is { } invalid ? invalid : TypedResults.Ok(await CityPolicies.ForCityAsync(db, cityCode, cancellationToken));

    internal static Task<Results<Ok<FrequencyPolicy>, ValidationProblem>> PutAsync(
        string cityCode, FrequencyPolicy policy, Caller caller, VisitsDbContext db, IValidator<FrequencyPolicy> validator, TimeProvider time,
        CancellationToken cancellationToken) =>
        CityPolicyStore.ReplaceAsync<FrequencyPolicyRecord, FrequencyPolicy>(db, cityCode, policy, validator, caller, time, cancellationToken);
}
