using MassTransit;
using MassWork.Contracts.Projects.V1;

namespace MassWork.Personnel.NoticeBoard;

/// <summary>
/// 项目公示: a published project goes on its village's board with the notice the event carries. Once
/// per project, whatever the message id; a message without a notice (older publisher) has nothing
/// to show. A town-wide project (code ending 000) is on no village's board.
/// </summary>
public sealed class ProjectPublishedConsumer(PersonnelDbContext db, TimeProvider time, ILogger<ProjectPublishedConsumer> logger)
    : IdempotentConsumer<ProjectPublished, PersonnelDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(ProjectPublished message, ConsumeContext<ProjectPublished> context)
    {
        var p = message.Project;
        if (message.Notice is not { } notice)
        {
            logger.LogWarning("Project {ProjectId} was published without a notice; nothing to post on the board", p.ProjectId);
            return;
        }

        if (await Db.VillageProjects.AnyAsync(x => x.ProjectId == p.ProjectId, context.CancellationToken))
        {
            return;
        }

        Db.VillageProjects.Add(new VillageProject
        {
            ProjectId = p.ProjectId, RegionCode = p.RegionCode, Title = notice.Title, Category = p.Category,
            BudgetFen = notice.BudgetFen, PaidFen = notice.PaidFen,
            Sources = [.. notice.Sources.Select(s => new ProjectSourceLine(s.Source, s.BudgetFen, s.PaidFen))],
            Payees = [.. notice.Payees.Select(x => new ProjectPayeeLine(x.Payee, x.PaidFen))],
            // Stored in UTC whatever offset the publisher wrote.
            ProgressPercent = notice.ProgressPercent, BeneficiaryCount = notice.BeneficiaryCount, AcceptedAt = notice.AcceptedAt?.ToUniversalTime(),
            CouncilSignOffs = notice.CouncilSignOffs, PublishedAt = notice.PublishedAt.ToUniversalTime(), OnNoticeUntil = notice.OnNoticeUntil.ToUniversalTime(),
        });
    }
}
