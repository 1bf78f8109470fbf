using MassWork.Contracts.Projects.V1;
using MassWork.Projects.Publicity;

namespace MassWork.Projects.Projects;

/// <summary>Builds the events' project reference and the published notice from the project as it now is.</summary>
public static class ProjectEvents
{
    public static ProjectRef Ref(Project p) =>
        new(p.Id, p.RegionCode, p.Category.ToString(), p.Stage.ToString(), p.EstimatedCostFen, p.LinkedDemandIds, p.BeneficiaryCount, p.Title);

    public static ProjectApproved Approved(Project p, DateTimeOffset now) =>
        new(Ref(p), p.Approvals.OrderBy(a => a.Order).Select(a => new ProjectApprovalStep(a.Level.ToString(), a.UserId, a.At)).ToList(), now);

    public static ProjectCompleted Completed(Project p, DateTimeOffset now) => new(Ref(p), p.BeneficiaryHouseholdIds, p.CouncilSignedBy.Length > 0, now);

    /// <summary>The board's notice travels with the event, so the personnel notice board shows it without calling back; times in UTC as stored.</summary>
    public static ProjectPublished Published(Project p, NoticeView notice, DateTimeOffset now) =>
        new(Ref(p), now, new ProjectNotice(
            notice.Title, notice.BudgetFen, notice.PaidFen,
            notice.Sources.Select(s => new ProjectNoticeSource(s.Source, s.BudgetFen, s.PaidFen)).ToList(),
            notice.Payees.Select(x => new ProjectNoticePayee(x.Payee, x.PaidFen)).ToList(),
            notice.ProgressPercent, notice.BeneficiaryCount, p.AcceptedAt?.ToUniversalTime(), notice.CouncilSignOffs, p.PublishedAt!.Value.ToUniversalTime(),
            notice.OnNoticeUntil!.Value.ToUniversalTime()));
}
