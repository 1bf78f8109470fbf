using MassWork.Projects.Publicity;

namespace MassWork.Projects.Projects;

/// <summary>Each step of a project's life is one POST on /api/projects/{id}/…; an optional If-Match guards against stale reads.</summary>
public static class StageEndpoints
{
    public static IEndpointRouteBuilder MapStageEndpoints(this IEndpointRouteBuilder routes)
    {
        var steps = routes.MapGroup("/api/projects/{id:guid}").WithTags("Project stages");
        steps.MapPost("/approve", ApproveAsync).WithName("ApproveProject")
            .WithSummary("The approval of the step now due (town, county, city by amount); the last one approves the project");
        steps.MapPost("/reject", RejectAsync).WithName("RejectProject").WithSummary("不予立项 with a reason, by the approver now due");
        steps.MapPut("/funding", FundingAsync).WithName("PlanProjectFunding")
            .WithSummary("The funding plan by source and the villager council (理事会); until work starts");
        steps.MapPost("/start", StartAsync).WithName("StartProject").WithSummary("开工: work is under way");
        steps.MapPost("/accept", AcceptAsync).WithName("AcceptProject")
            .WithSummary("验收: the works are accepted; a majority of the villager council signs where villagers contributed");
        steps.MapPost("/publish", PublishAsync).WithName("PublishProject").WithSummary("公示: the completed project goes on the village board");
        steps.MapPost("/cancel", CancelAsync).WithName("CancelProject").WithSummary("Cancel with a reason, before acceptance");
        return routes;
    }

    internal static Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> ApproveAsync(Guid id, Caller caller, ProjectCommands commands, HttpContext http) =>
        commands.RunAsync(id, caller, null, http, (p, now) =>
            p.Approve(caller.UserId, caller.Roles, caller.RegionPrefix, now) ? ProjectEvents.Approved(p, now) : null);

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid id, ReasonRequest request, IValidator<ReasonRequest> validator, Caller caller, ProjectCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid ? invalid.ToProblem()
        : await commands.RunAsync(id, caller, null, http, (p, now) =>
        {
            p.Reject(caller.UserId, caller.Roles, caller.RegionPrefix, request.Reason!.Trim(), now);
            return null;
        });

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> FundingAsync(
        Guid id, FundingRequest request, Caller caller, ProjectCommands commands, IValidator<FundingRequest> validator, HttpContext http)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The funding plan is not valid");
        }

        var plan = FundingPlanValidator.Checked(request);

        return await commands.RunAsync(id, caller, Permissions.ManageProjects, http, (p, now) =>
        {
            p.PlanFunding(plan.Lines, plan.Council, caller.UserId, now);
            return null;
        });
    }

    internal static Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> StartAsync(Guid id, Caller caller, ProjectCommands commands, HttpContext http) =>
        commands.RunAsync(id, caller, Permissions.ManageProjects, http, (p, now) =>
        {
            p.Start(caller.UserId, now);
            return null;
        });

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, AcceptRequest request, Caller caller, ProjectCommands commands, HttpContext http)
    {
        var signed = (request.CouncilSignedBy ?? []).Select(n => n?.Trim() ?? "").ToList();
        if (signed.Count > 30 || signed.Any(n => n.Length is 0 or > 50))
        {
            return Problems.Invalid("councilSignedBy", "The names of the council members who signed: at most 30, each 1 to 50 characters.");
        }

        return await commands.RunAsync(id, caller, Permissions.ManageProjects, http, (p, now) =>
        {
            p.Accept(caller.UserId, signed, now);
            return ProjectEvents.Completed(p, now);
        });
    }

    /// <summary>The notice the event carries to the personnel notice board is read with the project's row locked, so no payment slips in between.</summary>
    internal static Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        Guid id, Caller caller, ProjectCommands commands, Notices notices, HttpContext http) =>
        commands.RunLockedAsync(id, caller, Permissions.ManageProjects, http, async (p, now, cancellationToken) =>
        {
            p.Publish(caller.UserId, now);
            return ProjectEvents.Published(p, (await notices.BuildAsync([p], cancellationToken))[0], now);
        });

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, ReasonRequest request, IValidator<ReasonRequest> validator, Caller caller, ProjectCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid ? invalid.ToProblem()
        : await commands.RunAsync(id, caller, Permissions.ManageProjects, http, (p, now) =>
        {
            p.Cancel(caller.UserId, request.Reason!.Trim(), now);
            return null;
        });
}
