using System.Text.Json;

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

    internal static async Task<Results<Ok<FrequencyPolicy>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string cityCode, FrequencyPolicy policy, Caller caller, VisitsDbContext db, IValidator<FrequencyPolicy> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (Problems.CityCode(cityCode) is { } invalid)
        {
            return invalid;
        }

        if (validator.Validate(policy) is { IsValid: false } invalidPolicy)
        {
            return invalidPolicy.ToProblem("The policy is not valid");
        }

        // One statement, so two first edits at once cannot both insert.
        var json = JsonSerializer.Serialize(policy, JsonSerializerOptions.Web);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO frequency_policies (city_code, policy, updated_at, updated_by) VALUES ({cityCode}, {json}::jsonb, {time.GetUtcNow()}, {caller.UserId})
            ON CONFLICT (city_code) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, cancellationToken);
        return TypedResults.Ok(policy);
    }
}
