using MassWork.Projects.Approval;

namespace MassWork.Projects.Projects;

public sealed record ChainStepView(string Level, IReadOnlyList<string> Roles, bool Approved);

public sealed record ApprovalView(int Order, string Level, string ApprovedBy, string RegionPrefix, DateTimeOffset At);

public sealed record FundingLineView(string Source, long AmountFen, int LabourPersonDays, long LabourValueFen, string? Note);

public sealed record MilestoneUpdateView(int Percent, string? Note, string UpdatedBy, DateTimeOffset At);

public sealed record MilestoneView(Guid Id, string Name, int Weight, DateOnly DueDate, int ProgressPercent, IReadOnlyList<MilestoneUpdateView> Updates);

public sealed record ProjectStepView(string Action, string FromStage, string ToStage, string Actor, string? Note, DateTimeOffset At);

/// <summary>One project as staff read it; amounts in fen, times in Asia/Shanghai (+08:00).</summary>
public sealed record ProjectView(
    Guid Id,
    string Title,
    string Category,
    string RegionCode,
    string Proposer,
    IReadOnlyList<Guid> LinkedDemandIds,
    IReadOnlyList<Guid> BeneficiaryHouseholdIds,
    int BeneficiaryCount,
    long EstimatedCostFen,
    string Stage,
    string? Reason,
    IReadOnlyList<ChainStepView> ApprovalChain,
    string? NextApprovalLevel,
    IReadOnlyList<ApprovalView> Approvals,
    IReadOnlyList<FundingLineView> Funding,
    long PlannedMoneyFen,
    long PlannedLabourValueFen,
    IReadOnlyList<string> CouncilMembers,
    bool CouncilSignOffRequired,
    IReadOnlyList<string> CouncilSignedBy,
    DateTimeOffset ProposedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? PublishedAt,
    int? ProgressPercent,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<ProjectStepView> History)
{
    public static ProjectView Of(Project p) => new(
        p.Id, p.Title, p.Category.ToString(), p.RegionCode, p.Proposer.ToString(), p.LinkedDemandIds, p.BeneficiaryHouseholdIds, p.BeneficiaryCount,
        p.EstimatedCostFen, p.Stage.ToString(), p.Reason,
        p.ApprovalChain.Select((s, i) => new ChainStepView(s.Level.ToString(), s.Roles, i < p.Approvals.Count)).ToList(),
        p.NextApproval?.Level.ToString(),
        p.Approvals.OrderBy(a => a.Order).Select(a => new ApprovalView(a.Order, a.Level.ToString(), a.UserId, a.RegionPrefix, ChinaTime.Local(a.At))).ToList(),
        p.Funding.Select(f => new FundingLineView(f.Source.ToString(), f.AmountFen, f.LabourPersonDays, f.LabourValueFen, f.Note)).ToList(),
        p.Funding.Sum(f => f.AmountFen), p.Funding.Sum(f => f.LabourValueFen),
        p.CouncilMembers, p.VillagersContribute, p.CouncilSignedBy,
        ChinaTime.Local(p.ProposedAt), ChinaTime.Local(p.ApprovedAt), ChinaTime.Local(p.StartedAt), ChinaTime.Local(p.AcceptedAt), ChinaTime.Local(p.PublishedAt),
        p.ProgressPercent,
        p.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Id)
            .Select(m => new MilestoneView(m.Id, m.Name, m.Weight, m.DueDate, m.ProgressPercent,
                m.Updates.OrderBy(u => u.At).ThenBy(u => u.Id).Select(u => new MilestoneUpdateView(u.Percent, u.Note, u.UpdatedBy, ChinaTime.Local(u.At))).ToList()))
            .ToList(),
        p.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new ProjectStepView(s.Action, s.FromStage.ToString(), s.ToStage.ToString(), s.ActorUserId, s.Note, ChinaTime.Local(s.At))).ToList());
}

/// <summary>A line of a project list.</summary>
public sealed record ProjectSummary(Guid Id, string Title, string Category, string RegionCode, string Stage, long EstimatedCostFen, int BeneficiaryCount, DateTimeOffset ProposedAt);

public sealed record ProjectPage(int Total, int Page, int PageSize, IReadOnlyList<ProjectSummary> Items);
