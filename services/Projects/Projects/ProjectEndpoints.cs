using MassWork.Contracts.Projects.V1;
using MassWork.Projects.Approval;

namespace MassWork.Projects.Projects;

public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder routes)
    {
        var projects = routes.MapGroup("/api/projects").WithTags("Projects");
        projects.MapPost("/", ProposeAsync).WithName("ProposeProject")
            .WithSummary("Propose a project (立项申请); its approval chain is fixed from the city's policy and the estimated cost")
            .RequireAuthorization(Permissions.ProposeProjects)
            .WithIdempotency<ProjectsDbContext>();
        projects.MapGet("/{id:guid}", GetAsync).WithName("GetProject").WithSummary("One project with its approval chain, funding plan and history");
        projects.MapGet("/", ListAsync).WithName("ListProjects").WithSummary("Projects in a region, newest first, optionally of one stage or benefiting one household")
            .RequireRegionScope();
        return routes;
    }

    internal static async Task<Results<Created<ProjectView>, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        ProposeRequest request, Caller caller, ProjectsDbContext db, ApprovalPolicies policies, IValidator<ProposeRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The project cannot be proposed");
        }

        var proposal = ProposalValidator.Checked(request);

        if (!caller.Covers(proposal.RegionCode))
        {
            return Problems.OutsideRegion("regionCode", proposal.RegionCode, caller.RegionPrefix);
        }

        var policy = await policies.ForCityAsync(proposal.RegionCode[..4], cancellationToken);
        var now = time.GetUtcNow();
        var project = Project.Propose(proposal, ApprovalChain.For(policy, proposal.EstimatedCostFen), caller.UserId, now);
        db.Projects.Add(project);
        db.RaiseIntegrationEvent(new ProjectProposed(ProjectEvents.Ref(project), now), project.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/projects/{project.Id}", ProjectView.Of(project));
    }

    internal static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, ProjectCommands commands, HttpContext http, CancellationToken cancellationToken)
    {
        var p = await commands.LoadAsync(id, caller, cancellationToken);
        if (p is null)
        {
            return Problems.NotFound($"Project {id}");
        }

        http.Response.Headers.ETag = ProjectCommands.ETag(p);
        return TypedResults.Ok(ProjectView.Of(p));
    }

    internal static async Task<Results<Ok<ProjectPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Caller caller, ProjectsDbContext db, CancellationToken cancellationToken, string? region = null, string? stage = null, Guid? household = null,
        int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        region ??= caller.RegionPrefix;
        if (!RegionPrefixes.IsValid(region))
        {
            return Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.");
        }

        var query = db.Projects.AsNoTracking().Where(p => p.RegionCode.StartsWith(region));
        if (stage is not null)
        {
            if (!EnumNames.TryParse<ProjectStage>(stage, out var parsed))
            {
                return Problems.Invalid("stage", EnumNames.OneOf<ProjectStage>());
            }

            query = query.Where(p => p.Stage == parsed);
        }

        if (household is { } beneficiary)
        {
            query = query.Where(p => p.BeneficiaryHouseholdIds.Contains(beneficiary));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Title, p.Category, p.RegionCode, p.Stage, p.EstimatedCostFen, p.BeneficiaryCount, p.ProposedAt })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProjectPage(total, page, pageSize, items
            .Select(p => new ProjectSummary(p.Id, p.Title, p.Category.ToString(), p.RegionCode, p.Stage.ToString(), p.EstimatedCostFen, p.BeneficiaryCount,
                ServiceDefaults.ChinaTime.Local(p.ProposedAt)))
            .ToList()));
    }
}
