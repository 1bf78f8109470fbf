using MassWork.ServiceDefaults.Data;

namespace MassWork.Personnel.Pairings;

/// <summary>A city's coverage and presence policy: read by anyone in the city, set by its operators and leaders.</summary>
public static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder routes)
    {
        var policies = routes.MapGroup("/api/personnel/policies").WithTags("Pairing");
        policies.MapGet("/{cityCode}", GetPolicyAsync).WithName("GetCoveragePolicy").WithSummary("A city's coverage and presence policy")
            .RequireAuthorization(Permissions.ReadSettings).RequireRegionScope(RegionReach.InsideOrAbove);
        policies.MapPut("/{cityCode}", PutPolicyAsync).WithName("SetCoveragePolicy")
            .WithSummary("Set single or double coverage, minimum households per role and rank, and required presence days")
            .RequireAuthorization(Permissions.ManagePolicies).RequireCityScope();
        return routes;
    }

    internal static async Task<Results<Ok<PolicyResponse>, ValidationProblem, ProblemHttpResult>> GetPolicyAsync(
        string cityCode, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        if (Problems.CityCode(cityCode) is { } invalidCity)
        {
            return invalidCity;
        }

        return TypedResults.Ok(PolicyResponse.From(await PolicyStore.ForRegionAsync(db, cityCode, cancellationToken)));
    }

    internal static async Task<Results<Ok<PolicyResponse>, ValidationProblem, ProblemHttpResult>> PutPolicyAsync(
        string cityCode, PolicyRequest request, Caller caller, PersonnelDbContext db, IValidator<PolicyRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (Problems.CityCode(cityCode) is { } invalidCity)
        {
            return invalidCity;
        }

        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The policy is not valid");
        }

        EnumNames.TryParse<CoverageMode>(request.Mode, out var mode);
        EnumNames.TryParse<PresencePeriod>(request.PresencePeriod, out var period);
        CoveragePolicy policy = null!;
        await KeyedEdit<CoveragePolicy>.SaveAsync(db, cityCode, async () =>
        {
            policy = await db.CoveragePolicies.FindAsync([cityCode], cancellationToken) ?? db.CoveragePolicies.Add(CoveragePolicy.DefaultFor(cityCode)).Entity;
            policy.Mode = mode;
            policy.MinResidentSectionLevel = request.MinResidentSectionLevel!.Value;
            policy.MinResidentGeneral = request.MinResidentGeneral!.Value;
            policy.MinFullCoverageSectionLevel = request.MinFullCoverageSectionLevel!.Value;
            policy.MinFullCoverageGeneral = request.MinFullCoverageGeneral!.Value;
            policy.PresenceDays = request.PresenceDays!.Value;
            policy.PresencePeriod = period;
            policy.CheckInRadiusMeters = request.CheckInRadiusMeters ?? CoveragePolicy.DefaultCheckInRadiusMeters;
            policy.UpdatedAt = time.GetUtcNow();
            policy.UpdatedBy = caller.UserId;
        }, cancellationToken);
        return TypedResults.Ok(PolicyResponse.From(policy));
    }

}
