using MassWork.ServiceDefaults.Data;

namespace MassWork.Projects.Approval;

public static class ApprovalPolicyEndpoints
{
    public static IEndpointRouteBuilder MapApprovalPolicyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects/approval-policy").WithTags("Approval policy");
        group.MapGet("/{cityCode}", GetAsync).WithName("GetApprovalPolicy")
            .WithSummary("The city's approval thresholds and approver roles (the default until edited)")
            .RequireAuthorization(Permissions.ReadSettings).RequireRegionScope(RegionReach.InsideOrAbove);
        group.MapPut("/{cityCode}", PutAsync).WithName("PutApprovalPolicy")
            .WithSummary("Replace the city's approval thresholds; applies to projects proposed from now on")
            .RequireAuthorization(Permissions.ManageSettings).RequireCityScope();
        return routes;
    }

    internal static async Task<Results<Ok<ApprovalPolicy>, ValidationProblem>> GetAsync(
        string cityCode, ApprovalPolicies policies, CancellationToken cancellationToken) =>
        Problems.CityCode(cityCode) is { } invalid ? invalid : TypedResults.Ok(await policies.ForCityAsync(cityCode, cancellationToken));

    internal static Task<Results<Ok<ApprovalPolicy>, ValidationProblem>> PutAsync(
        string cityCode, ApprovalPolicy policy, Caller caller, ProjectsDbContext db, IValidator<ApprovalPolicy> validator, TimeProvider time,
        CancellationToken cancellationToken) =>
        CityPolicyStore.ReplaceAsync<ApprovalPolicyRecord, ApprovalPolicy>(db, cityCode, policy, validator, caller, time, cancellationToken,
            // Stored with the levels' names as given by the enum, so a reader sees "County", not "county".
            valid => new ApprovalPolicy(valid.Tiers!
                .Select(t => t with { Level = Enum.Parse<ApprovalLevel>(t.Level!, ignoreCase: true).ToString(), Roles = t.Roles!.Distinct().ToList() }).ToList()));
}
