using MassWork.Projects.Projects;

namespace MassWork.Projects.Publicity;

/// <summary>公示: the notice of one project, and what a village board shows now.</summary>
public static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projects").WithTags("Publicity");
        group.MapGet("/{id:guid}/notice", NoticeAsync).WithName("ProjectNotice")
            .WithSummary("The project as the village board shows it: budget and paid by source, payees, progress, beneficiaries, acceptance");
        group.MapGet("/notices", BoardAsync).WithName("VillageNotices")
            .WithSummary("What a village board shows now: the projects published within the publicity period (公示期)")
            .RequireRegionScope();
        return routes;
    }

    internal static async Task<Results<Ok<NoticeView>, ProblemHttpResult>> NoticeAsync(
        Guid id, Caller caller, ProjectCommands commands, Notices notices, CancellationToken cancellationToken)
    {
        var p = await commands.LoadAsync(id, caller, cancellationToken);
        if (p is null)
        {
            return Problems.NotFound($"Project {id}");
        }

        if (!Notices.Shown(p.Stage))
        {
            return Problems.Conflict("Not on the village board", $"A project that is {p.Stage} has no notice; a project is shown from Approved on.");
        }

        return TypedResults.Ok((await notices.BuildAsync([p], cancellationToken))[0]);
    }

    internal static async Task<Results<Ok<NoticeBoard>, ValidationProblem, ProblemHttpResult>> BoardAsync(
        ProjectsDbContext db, Notices notices, TimeProvider time, CancellationToken cancellationToken, string? village = null)
    {
        if (village is null || village.Length != 12 || !village.All(char.IsAsciiDigit))
        {
            return Problems.Invalid("village", "Required: the 12-digit division code of the village.");
        }

        var now = time.GetUtcNow();
        var since = now.AddDays(-notices.PublicityDays);
        var projects = await db.Projects.AsNoTracking().Include(p => p.Milestones)
            .Where(p => p.RegionCode == village && p.Stage == ProjectStage.Published && p.PublishedAt > since)
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new NoticeBoard(village, ChinaTime.Local(now), notices.PublicityDays, await notices.BuildAsync(projects, cancellationToken)));
    }
}
