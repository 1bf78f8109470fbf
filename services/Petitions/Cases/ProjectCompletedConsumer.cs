using MassTransit;
using MassWork.Contracts.Petitions.V1;
using MassWork.Contracts.Projects.V1;
using MassWork.Petitions.Deadlines;

namespace MassWork.Petitions.Cases;

/// <summary>
/// A completed project (验收) answers the cases it was linked to: each linked id is a case id, or the
/// id of a demand raised on a visit (the case's SourceDemandId). Each case still awaiting its answer
/// is resolved by the project (<see cref="Case.ResolveByProject"/>) and announced as answered, so the
/// household hears of it and the revisit follows as after any answer. A case already answered,
/// closed, under review or refused is left as it is, and so is an accusation or a case outside the
/// project's area: that is logged, not an error. A case this project already resolved is skipped, so another delivery changes nothing.
/// </summary>
public sealed class ProjectCompletedConsumer(PetitionsDbContext db, RulesProvider rules, TimeProvider time, ILogger<ProjectCompletedConsumer> logger)
    : IdempotentConsumer<ProjectCompleted, PetitionsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectCompleted message, ConsumeContext<ProjectCompleted> context)
    {
        var cancellationToken = context.CancellationToken;
        var project = message.Project;
        var ids = project.LinkedDemandIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var linked = await Db.Cases.Include(c => c.Deadlines).Include(c => c.Steps).AsSplitQuery()
            .Where(c => ids.Contains(c.Id) || (c.SourceDemandId != null && ids.Contains(c.SourceDemandId.Value)))
            .ToListAsync(cancellationToken);

        // A project answers only matters of its own area: a town cannot close out another town's case by linking it.
        var area = RegionPrefixes.Of(project.RegionCode);
        var cases = linked.Where(c => c.RegionCode.StartsWith(area, StringComparison.Ordinal)).ToList();
        if (cases.Count < linked.Count)
        {
            logger.LogWarning("Project {ProjectId} in {Region} links {Outside} cases outside its area: left as they are",
                project.ProjectId, project.RegionCode, linked.Count - cases.Count);
        }

        var unknown = ids.Count(id => !linked.Any(c => c.Id == id || c.SourceDemandId == id));
        if (unknown > 0)
        {
            logger.LogWarning("Project {ProjectId} answers {Unknown} of {Linked} linked demands that are no case here", project.ProjectId, unknown, ids.Count);
        }

        var codes = cases.Select(c => c.CategoryCode).Distinct().ToList();
        var categories = await Db.Categories.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var now = Time.GetUtcNow();
        foreach (var c in cases)
        {
            if (c.ResolvedByProjectId == project.ProjectId)
            {
                continue;
            }

            if (!c.AwaitsProject)
            {
                logger.LogInformation("Case {CaseNumber} is {Status} ({MatterType}): left as it is although project {ProjectId} that answers it was completed",
                    c.Number, c.Status, c.MatterType, project.ProjectId);
                continue;
            }

            c.ResolveByProject(project.ProjectId, project.Title, await rules.ForRegionAsync(c.RegionCode, cancellationToken), now);
            Db.RaiseIntegrationEvent(
                new PetitionAnswered(CaseEvents.Ref(c, categories.GetValueOrDefault(c.CategoryCode, c.CategoryCode)), c.Outcome!.Value.ToString(), c.Opinion!,
                    c.AnsweredBy, c.AnsweredOnTime ?? true, CaseEvents.OpenDue(c, DeadlineKind.Revisit), c.ReviewWindowEndsAt, now, project.ProjectId),
                c.Id.ToString());
        }
    }
}
