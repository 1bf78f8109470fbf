using MassWork.Projects.Projects;

namespace MassWork.Projects.Milestones;

/// <summary>Milestones of the works and their progress, while a project is approved or under way; the region's roll-up.</summary>
public static class MilestoneEndpoints
{
    public static IEndpointRouteBuilder MapMilestoneEndpoints(this IEndpointRouteBuilder routes)
    {
        var milestones = routes.MapGroup("/api/projects/{id:guid}/milestones").WithTags("Milestones and progress");
        milestones.MapPost("/", AddAsync).WithName("AddMilestone")
            .WithSummary("A milestone with its weight and due date; answers the project with its milestones and weighted progress");
        milestones.MapPut("/{milestoneId:guid}/progress", ProgressAsync).WithName("RecordMilestoneProgress")
            .WithSummary("The milestone's progress now (0–100); each update is kept with who and when");
        routes.MapGet("/api/projects/progress", RollUpAsync).WithTags("Milestones and progress").WithName("ProjectProgress")
            .WithSummary("Progress of the projects under way, rolled up by county, town and village")
            .RequireRegionScope();
        return routes;
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, MilestoneRequest request, Caller caller, ProjectCommands commands, IValidator<MilestoneRequest> validator, HttpContext http)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The milestone is not valid");
        }

        var milestone = MilestoneValidator.Checked(request);

        return await commands.RunAsync(id, caller, Permissions.ManageProjects, http, (p, now) =>
        {
            p.AddMilestone(milestone.Name, milestone.Weight, milestone.DueDate, caller.UserId, now);
            return null;
        });
    }

    internal static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> ProgressAsync(
        Guid id, Guid milestoneId, ProgressRequest request, Caller caller, ProjectCommands commands, IValidator<ProgressRequest> validator, HttpContext http)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The progress update is not valid");
        }

        var update = ProgressValidator.Checked(request);

        return await commands.RunAsync(id, caller, Permissions.ManageProjects, http, (p, now) =>
        {
            p.RecordProgress(milestoneId, update.Percent, update.Note, caller.UserId, now);
            return null;
        });
    }

    internal static async Task<Results<Ok<ProgressReport>, ValidationProblem, ProblemHttpResult>> RollUpAsync(
        Caller caller, ProgressQuery query, CancellationToken cancellationToken, string? region = null)
    {
        region ??= caller.RegionPrefix;
        if (!RegionPrefixes.IsValid(region))
        {
            return Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.");
        }

        return TypedResults.Ok(await query.RunAsync(region, cancellationToken));
    }
}
