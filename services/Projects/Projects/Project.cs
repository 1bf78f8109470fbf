using MassWork.ServiceDefaults.Errors;
using MassWork.Projects.Approval;
using MassWork.Projects.Funding;
using MassWork.Projects.Milestones;

namespace MassWork.Projects.Projects;

/// <summary>A project as proposed, after its field checks.</summary>
public sealed record NewProject(
    string Title,
    ProjectCategory Category,
    string RegionCode,
    Proposer Proposer,
    IReadOnlyList<Guid> LinkedDemandIds,
    IReadOnlyList<Guid> BeneficiaryHouseholdIds,
    int BeneficiaryCount,
    long EstimatedCostFen);

/// <summary>
/// A 为民办实事 project from proposal to 公示. Every change goes through a method here that checks
/// the stage allows it (otherwise <see cref="ProjectTransitionException"/>, answered 409) and
/// writes a history step.
/// </summary>
public sealed class Project
{
    private Project()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public ProjectCategory Category { get; private set; }

    /// <summary>The 12-digit code of the village, or of the town for a town-wide project.</summary>
    public string RegionCode { get; private set; } = "";

    public Proposer Proposer { get; private set; }

    /// <summary>The demands the project answers (petition case ids, or visit demand ids petitions knows its cases by); linked by id only, never looked up.</summary>
    public Guid[] LinkedDemandIds { get; private set; } = [];

    /// <summary>The households that benefit; empty for public works counted by <see cref="BeneficiaryCount"/>.</summary>
    public Guid[] BeneficiaryHouseholdIds { get; private set; } = [];

    public int BeneficiaryCount { get; private set; }

    public long EstimatedCostFen { get; private set; }

    public ProjectStage Stage { get; private set; }

    /// <summary>Why it was rejected or cancelled.</summary>
    public string? Reason { get; private set; }

    /// <summary>The approval chain fixed at proposal from the city's policy then in force.</summary>
    public List<ApprovalStepRule> ApprovalChain { get; private set; } = [];

    public List<ProjectApproval> Approvals { get; private set; } = [];

    public List<FundingLine> Funding { get; private set; } = [];

    /// <summary>The villager council (村民理事会) members' names, who supervise villagers' money and labour.</summary>
    public string[] CouncilMembers { get; private set; } = [];

    /// <summary>The council members who signed the acceptance (验收签字).</summary>
    public string[] CouncilSignedBy { get; private set; } = [];

    public DateTimeOffset ProposedAt { get; private set; }

    public string ProposedBy { get; private set; } = "";

    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL xmin: of two concurrent changes, the second is refused.</summary>
    public uint Version { get; private set; }

    public List<ProjectStep> Steps { get; private set; } = [];

    public List<Milestone> Milestones { get; private set; } = [];

    /// <summary>The weighted progress of the milestones (<see cref="Progress"/>); null without milestones.</summary>
    public int? ProgressPercent => Progress.Of(Milestones.Select(m => (m.Weight, m.ProgressPercent)));

    /// <summary>Villagers put in money or labour, so their council signs the acceptance.</summary>
    public bool VillagersContribute => Funding.Any(f => f.Source == FundingSource.Villagers && (f.AmountFen > 0 || f.LabourPersonDays > 0));

    public ApprovalStepRule? NextApproval => Stage == ProjectStage.Proposed ? new ApprovalChain(ApprovalChain).Next(Approvals.Count) : null;

    public static Project Propose(NewProject proposal, ApprovalChain chain, string actor, DateTimeOffset now)
    {
        var p = new Project
        {
            Id = Guid.CreateVersion7(now),
            Title = proposal.Title,
            Category = proposal.Category,
            RegionCode = proposal.RegionCode,
            Proposer = proposal.Proposer,
            LinkedDemandIds = [.. proposal.LinkedDemandIds],
            BeneficiaryHouseholdIds = [.. proposal.BeneficiaryHouseholdIds],
            BeneficiaryCount = proposal.BeneficiaryCount,
            EstimatedCostFen = proposal.EstimatedCostFen,
            Stage = ProjectStage.Proposed,
            ApprovalChain = [.. chain.Steps],
            ProposedAt = now,
            ProposedBy = actor,
            UpdatedAt = now,
        };
        p.Steps.Add(p.Step("Propose", ProjectStage.Proposed, actor, null, now));
        return p;
    }

    /// <summary>
    /// The approval of the step now due. The caller must fit it (<see cref="ApprovalRefusedException"/>
    /// otherwise, answered 403); the last step of the chain approves the project. Returns true then.
    /// </summary>
    public bool Approve(string actor, IReadOnlySet<string> roles, string regionPrefix, DateTimeOffset now)
    {
        Require("be approved", ProjectStage.Proposed);
        var step = RequireApprover(roles, regionPrefix);
        Approvals.Add(new ProjectApproval
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = Id,
            Order = Approvals.Count + 1,
            Level = step.Level,
            UserId = actor,
            RegionPrefix = regionPrefix,
            At = now,
        });
        var complete = new ApprovalChain(ApprovalChain).IsComplete(Approvals.Count);
        if (complete)
        {
            ApprovedAt = now;
        }

        Move("Approve", complete ? ProjectStage.Approved : ProjectStage.Proposed, actor, $"{step.Level}", now);
        return complete;
    }

    /// <summary>Refused by whoever the chain now waits for (不予立项).</summary>
    public void Reject(string actor, IReadOnlySet<string> roles, string regionPrefix, string reason, DateTimeOffset now)
    {
        Require("be rejected", ProjectStage.Proposed);
        RequireApprover(roles, regionPrefix);
        Reason = reason;
        Move("Reject", ProjectStage.Rejected, actor, reason, now);
    }

    /// <summary>The funding plan by source, and the villager council; fixed once work starts.</summary>
    public void PlanFunding(IReadOnlyList<FundingLine> lines, IReadOnlyList<string> councilMembers, string actor, DateTimeOffset now)
    {
        Require("change its funding plan", ProjectStage.Proposed, ProjectStage.Approved);
        if (lines.Any(f => f.Source == FundingSource.Villagers && (f.AmountFen > 0 || f.LabourPersonDays > 0)) && councilMembers.Count == 0)
        {
            throw DomainException.Invalid("council.members", "Villagers' money or labour is supervised by a villager council (理事会): name its members.");
        }

        Funding = [.. lines];
        CouncilMembers = [.. councilMembers];
        Move("PlanFunding", Stage, actor, string.Join(", ", lines.Select(l => $"{l.Source} {l.AmountFen}")), now);
    }

    /// <summary>开工.</summary>
    public void Start(string actor, DateTimeOffset now)
    {
        Require("start", ProjectStage.Approved);
        StartedAt = now;
        Move("Start", ProjectStage.UnderWay, actor, null, now);
    }

    /// <summary>
    /// 验收. Where villagers put in money or labour, a majority of their council signs: the names
    /// must be members (400 otherwise), and too few signatures refuse the acceptance (409).
    /// </summary>
    public void Accept(string actor, IReadOnlyList<string> councilSignedBy, DateTimeOffset now)
    {
        Require("be accepted (验收)", ProjectStage.UnderWay);
        if (councilSignedBy.FirstOrDefault(name => !CouncilMembers.Contains(name)) is { } stranger)
        {
            throw DomainException.Invalid("councilSignedBy", $"{stranger} is not a member of the project's villager council.");
        }

        var signed = councilSignedBy.Distinct().Count();
        if (VillagersContribute && signed * 2 <= CouncilMembers.Length)
        {
            throw new ProjectTransitionException(
                $"Villagers contributed money or labour, so the acceptance needs the sign-off of a majority of the villager council (理事会): {signed} of {CouncilMembers.Length} signed.");
        }

        CouncilSignedBy = [.. councilSignedBy.Distinct()];
        AcceptedAt = now;
        Move("Accept", ProjectStage.Accepted, actor, CouncilSignedBy.Length > 0 ? string.Join("、", CouncilSignedBy) : null, now);
    }

    /// <summary>Completed and shown on the village board (公示).</summary>
    public void Publish(string actor, DateTimeOffset now)
    {
        Require("be published (公示)", ProjectStage.Accepted);
        PublishedAt = now;
        Move("Publish", ProjectStage.Published, actor, null, now);
    }

    public void Cancel(string actor, string reason, DateTimeOffset now)
    {
        Require("be cancelled", ProjectStage.Proposed, ProjectStage.Approved, ProjectStage.UnderWay);
        Reason = reason;
        Move("Cancel", ProjectStage.Cancelled, actor, reason, now);
    }

    /// <summary>A milestone of the works, while the project is approved or under way.</summary>
    public Milestone AddMilestone(string name, int weight, DateOnly dueDate, string actor, DateTimeOffset now)
    {
        Require("take milestones", ProjectStage.Approved, ProjectStage.UnderWay);
        if (Milestones.Any(m => m.Name == name))
        {
            throw DomainException.Invalid("name", $"The project already has a milestone named {name}.");
        }

        var milestone = new Milestone { Id = Guid.CreateVersion7(now), ProjectId = Id, Name = name, Weight = weight, DueDate = dueDate, CreatedAt = now, CreatedBy = actor };
        Milestones.Add(milestone);
        Move("AddMilestone", Stage, actor, $"{name} ×{weight}", now);
        return milestone;
    }

    /// <summary>The progress of one milestone now, while the project is approved or under way; the update is kept.</summary>
    public void RecordProgress(Guid milestoneId, int percent, string? note, string actor, DateTimeOffset now)
    {
        Require("record progress", ProjectStage.Approved, ProjectStage.UnderWay);
        var milestone = Milestones.SingleOrDefault(m => m.Id == milestoneId) ?? throw new MilestoneNotFoundException(milestoneId);
        milestone.Record(percent, note, actor, now);
        Move("RecordProgress", Stage, actor, $"{milestone.Name} {percent}%", now);
    }

    /// <summary>
    /// Money moves once a project is approved and until it is published. Once it is cancelled, the
    /// money it was budgeted and allocated can still be taken back (a reversal), so a pooled fund gets
    /// back what the cancelled project will never spend (统一调配).
    /// </summary>
    public void RequireLedgerOpen(bool payment, bool takesBack = false)
    {
        if (payment)
        {
            Require("record a payment", ProjectStage.UnderWay, ProjectStage.Accepted);
        }
        else if (takesBack)
        {
            Require("take money back", ProjectStage.Approved, ProjectStage.UnderWay, ProjectStage.Accepted, ProjectStage.Cancelled);
        }
        else
        {
            Require("record money", ProjectStage.Approved, ProjectStage.UnderWay, ProjectStage.Accepted);
        }
    }

    private ApprovalStepRule RequireApprover(IReadOnlySet<string> roles, string regionPrefix)
    {
        var step = NextApproval ?? throw new ProjectTransitionException("The approval chain is complete.");
        if (Approval.ApprovalChain.WhyNot(step, RegionCode, roles, regionPrefix) is { } why)
        {
            throw new ApprovalRefusedException(why);
        }

        return step;
    }

    private void Require(string action, params ProjectStage[] allowed)
    {
        if (!allowed.Contains(Stage))
        {
            throw new ProjectTransitionException($"A project that is {Stage} cannot {action}; allowed from {string.Join(", ", allowed)}.");
        }
    }

    private void Move(string action, ProjectStage to, string actor, string? note, DateTimeOffset now)
    {
        Steps.Add(Step(action, to, actor, note, now));
        Stage = to;
        UpdatedAt = now;
    }

    private ProjectStep Step(string action, ProjectStage to, string actor, string? note, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ProjectId = Id,
        Action = action,
        FromStage = action == "Propose" ? to : Stage,
        ToStage = to,
        ActorUserId = actor,
        Note = note,
        At = now,
    };
}

/// <summary>One approval in a project's chain: which level, who, from which region, when.</summary>
public sealed class ProjectApproval
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public int Order { get; init; }

    public ApprovalLevel Level { get; init; }

    public required string UserId { get; init; }

    public required string RegionPrefix { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>One step in a project's life, kept for ever.</summary>
public sealed class ProjectStep
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public required string Action { get; init; }

    public ProjectStage FromStage { get; init; }

    public ProjectStage ToStage { get; init; }

    public required string ActorUserId { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>A step the project's stage does not allow now; answered with 409.</summary>
public sealed class ProjectTransitionException(string message) : DomainException(DomainProblem.Conflict, "Not allowed in the project's stage", message);

/// <summary>The caller does not fit the approval step now due; answered with 403.</summary>
public sealed class ApprovalRefusedException(string message) : DomainException(DomainProblem.Forbidden, "Not allowed", message);

/// <summary>No such milestone on the project; answered with 404.</summary>
public sealed class MilestoneNotFoundException(Guid id) : DomainException(DomainProblem.NotFound, "Not found", $"Milestone {id} was not found in your region.");
