using MassWork.ServiceDefaults.Errors;
using MassWork.Petitions.Deadlines;

namespace MassWork.Petitions.Cases;

/// <summary>
/// A demand or petition (诉求/信访事项) from intake to 回访 and, when asked, 复查 and 复核. Every
/// change goes through a method here that checks the state allows it (otherwise
/// <see cref="CaseTransitionException"/>), keeps the deadlines and writes a history step.
/// </summary>
public sealed class Case
{
    private Case()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Channel Channel { get; private set; }

    public MatterType MatterType { get; private set; }

    public string CategoryCode { get; private set; } = "";

    public string WorkOrderClass { get; private set; } = "";

    public string RegionCode { get; private set; } = "";

    public IntakeLevel Level { get; private set; }

    public Guid? HouseholdId { get; private set; }

    public string? PetitionerName { get; private set; }

    public byte[]? PetitionerPhoneCipher { get; private set; }

    public byte[]? PetitionerPhoneHash { get; private set; }

    public string? PetitionerPhoneMasked { get; private set; }

    public string? MandateReference { get; private set; }

    public int Representatives { get; private set; }

    public string Content { get; private set; } = "";

    public List<Attachment> Attachments { get; private set; } = [];

    public CaseStatus Status { get; private set; }

    public string? NotAcceptedReason { get; private set; }

    public Guid? RepeatOfCaseId { get; private set; }

    /// <summary>How many later intakes were linked to this case as repeats.</summary>
    public int RepeatCount { get; private set; }

    public bool SkipLevel { get; private set; }

    public Holder? Holder { get; private set; }

    /// <summary>The office that escalated the case to the department now holding it; it gets the case back.</summary>
    public Holder? EscalatedFrom { get; private set; }

    public Ownership? Ownership { get; private set; }

    public bool Extended { get; private set; }

    public string? ExtensionReason { get; private set; }

    public DateTimeOffset? ResolveDueAt { get; private set; }

    public Outcome? Outcome { get; private set; }

    public string? Opinion { get; private set; }

    public string? AnsweredBy { get; private set; }

    /// <summary>The department that answered a work order (工单), by code; null when the office holding the case answered. Who may review the answer depends on it.</summary>
    public string? AnsweringDepartment { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool? AnsweredOnTime { get; private set; }

    public DateTimeOffset? ReviewWindowEndsAt { get; private set; }

    public Satisfaction? Satisfaction { get; private set; }

    public DateTimeOffset? RevisitedAt { get; private set; }

    /// <summary>评价: the petitioner's own rating, given once through the public query.</summary>
    public Satisfaction? Rating { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public int Reopens { get; private set; }

    public ReviewStage ReviewStage { get; private set; }

    /// <summary>The region prefix of the body that answered the 复查; the 复核 belongs to a body above it.</summary>
    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? ProgressCalledBackAt { get; private set; }

    /// <summary>督办: set when a limit was missed; stays set.</summary>
    public DateTimeOffset? SupervisedAt { get; private set; }

    public MediationStep? MediationStep { get; private set; }

    public MediationLevel? SettledLevel { get; private set; }

    /// <summary>The parties to a dispute, as named when it was investigated (排查).</summary>
    public string[] MediationParties { get; private set; } = [];

    /// <summary>Who mediated (调解员).</summary>
    public string? Mediator { get; private set; }

    /// <summary>The agreement the parties reached (调解协议).</summary>
    public string? MediationAgreement { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>The demand raised on a visit (走访) this case was registered from: one case per demand, however often it is delivered.</summary>
    public Guid? SourceDemandId { get; private set; }

    /// <summary>The 为民办实事 project whose completion (验收) answered the case.</summary>
    public Guid? ResolvedByProjectId { get; private set; }

    public string RegisteredBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL xmin: of two concurrent changes, the second is refused.</summary>
    public uint Version { get; private set; }

    public List<CaseDeadline> Deadlines { get; private set; } = [];

    public List<CaseStep> Steps { get; private set; } = [];

    public bool IsHotline => Channel == Channel.Hotline;

    public static Case Register(NewCase intake, IntakeDecision decision, CaseRules rules, DateTimeOffset now)
    {
        var c = new Case
        {
            Id = Guid.CreateVersion7(now),
            Number = intake.Number,
            Channel = intake.Channel,
            MatterType = intake.MatterType,
            CategoryCode = intake.CategoryCode,
            WorkOrderClass = intake.WorkOrderClass,
            RegionCode = intake.RegionCode,
            Level = intake.Level,
            HouseholdId = intake.HouseholdId,
            PetitionerName = intake.PetitionerName,
            PetitionerPhoneCipher = intake.PetitionerPhone?.Cipher,
            PetitionerPhoneHash = intake.PetitionerPhone?.Hash,
            PetitionerPhoneMasked = intake.PetitionerPhone?.Masked,
            MandateReference = intake.MandateReference,
            Representatives = intake.Representatives,
            Content = intake.Content,
            Attachments = [.. intake.Attachments],
            Status = decision.Accepted ? CaseStatus.Registered : CaseStatus.NotAccepted,
            NotAcceptedReason = decision.Reason,
            RepeatOfCaseId = decision.RepeatOf,
            SkipLevel = decision.SkipLevel,
            RegisteredAt = now,
            RegisteredBy = intake.RegisteredBy,
            SourceDemandId = intake.SourceDemandId,
            UpdatedAt = now,
        };
        c.Steps.Add(c.Step("Register", CaseStatus.Registered, intake.RegisteredBy, decision.Reason, now));
        if (decision.Accepted)
        {
            c.Open(DeadlineKind.Route, rules.Due(now, c.IsHotline ? rules.Policy.WorkOrder(c.WorkOrderClass).Dispatch : rules.Policy.Route), now);
            c.Open(DeadlineKind.ProgressCallBack, rules.Due(now, rules.Policy.ProgressCallBack), now);
        }

        return c;
    }

    /// <summary>转送/交办 to the office or department that must handle it.</summary>
    public void Assign(Holder to, string actor, string? note, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.Assign);
        RequireNotTheAccused(to);
        Holder = to;
        Meet(DeadlineKind.Route, now);
        OpenAcceptanceLimits(rules, now);
        Move("Assign", CaseStatus.Assigned, actor, note, now);
    }

    /// <summary>Hands the case to another office or department; the history keeps the earlier holder.</summary>
    public void Reassign(Holder to, string actor, string reason, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.Reassign);
        if (to == Holder)
        {
            throw new CaseTransitionException($"The case is already with {to.Name}.");
        }

        RequireNotTheAccused(to);
        Holder = to;
        if (Status == CaseStatus.Assigned)
        {
            Cancel(DeadlineKind.Accept, now);
            Cancel(DeadlineKind.Objection, now);
            OpenAcceptanceLimits(rules, now);
        }

        Move("Reassign", Status, actor, reason, now);
    }

    /// <summary>The earliest open limit: what whoever now owns the case must meet first.</summary>
    public DateTimeOffset? NextDue => Deadlines.Where(d => d.IsOpen).Min(d => (DateTimeOffset?)d.DueAt);

    /// <summary>
    /// 检举控告 go to a discipline body (a department) or to a level above the accused, never to the
    /// accused office itself or one under it, whose staff would then read who accused them.
    /// </summary>
    private void RequireOutcomeFits(Outcome outcome)
    {
        if (!Outcomes.Fits(MatterType, outcome))
        {
            throw DomainException.Invalid("outcome", $"A {MatterType} is answered {string.Join(", ", Outcomes.For(MatterType))}.");
        }
    }

    private void RequireNotTheAccused(Holder to)
    {
        if (MatterType == MatterType.Accusation && to.Kind == HolderKind.Region
            && RegionPrefixes.Of(to.Code).StartsWith(RegionPrefixes.Of(RegionCode), StringComparison.Ordinal))
        {
            throw new CaseTransitionException(
                $"An accusation cannot be handled by {to.Name}: it is the accused office or one under it. Assign it to a discipline body or to a level above the accused.");
        }
    }

    public void Accept(string actor, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.Accept);
        Meet(DeadlineKind.Accept, now);
        Meet(DeadlineKind.Objection, now);
        var due = rules.Due(now, IsHotline ? rules.Policy.WorkOrder(WorkOrderClass).Result : rules.Policy.Resolve);
        Open(DeadlineKind.Resolve, due, now);
        ResolveDueAt = due.At;
        Move("Accept", CaseStatus.Accepted, actor, null, now);
    }

    public void NotAccept(string actor, string reason, DateTimeOffset now)
    {
        Require(CaseActions.NotAccept);
        Meet(DeadlineKind.Accept, now);
        Meet(DeadlineKind.Objection, now);
        Cancel(DeadlineKind.ProgressCallBack, now);
        NotAcceptedReason = reason;
        Move("NotAccept", CaseStatus.NotAccepted, actor, reason, now);
    }

    /// <summary>异议: the holder says the matter is outside its remit; it goes back to be routed again. Returns the holder that objected.</summary>
    public Holder Object(string actor, string reason, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.Object);
        var from = Holder!;
        var limit = Deadlines.SingleOrDefault(d => d.Kind == DeadlineKind.Objection && d.IsOpen);
        if (limit is null || now >= limit.DueAt)
        {
            throw new CaseTransitionException("The objection window has passed: a body objects within the policy's working days of receiving the matter.");
        }

        Meet(DeadlineKind.Objection, now);
        Cancel(DeadlineKind.Accept, now);
        Holder = null;
        Open(DeadlineKind.Route, rules.Due(now, rules.Policy.Route), now);
        Move("Object", CaseStatus.Registered, actor, reason, now);
        return from;
    }

    /// <summary>
    /// 退单: the holder sends the case back with a reason. A department's work order returns to the
    /// office that escalated it; otherwise the case returns to be routed again. Returns the holder
    /// that sent it back.
    /// </summary>
    public Holder SendBack(string actor, string reason, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.SendBack);
        var from = Holder!;
        if (EscalatedFrom is not null)
        {
            Holder = EscalatedFrom;
            EscalatedFrom = null;
            Cancel(DeadlineKind.Sign, now);
            Cancel(DeadlineKind.WorkOrderResult, now);
            Move("SendBack", CaseStatus.InProgress, actor, reason, now);
            return from;
        }

        Holder = null;
        Cancel(DeadlineKind.Accept, now);
        Cancel(DeadlineKind.Objection, now);
        Cancel(DeadlineKind.Resolve, now);
        ResolveDueAt = null;
        Open(DeadlineKind.Route, rules.Due(now, rules.Policy.Route), now);
        Move("SendBack", CaseStatus.Registered, actor, reason, now);
        return from;
    }

    public void Start(string actor, DateTimeOffset now)
    {
        Require(CaseActions.Start);
        Move("Start", CaseStatus.InProgress, actor, null, now);
    }

    /// <summary>Sets or changes the 五定; the history keeps each version.</summary>
    public void SetOwnership(Ownership ownership, string actor, DateTimeOffset now)
    {
        Require(CaseActions.Ownership);
        Ownership = ownership;
        Move("SetOwnership", Status, actor,
            $"牵头领导 {ownership.LeadLeader}；责任股室 {ownership.ResponsibleOffice}；办案人 {ownership.HandlerName}；解决时限 {ownership.ResolutionDeadline:yyyy-MM-dd}；回访目标 {ownership.RevisitTarget}", now);
    }

    /// <summary>The petitioner was told how the matter stands (7-day call-back).</summary>
    public void RecordProgressCallBack(string actor, string note, DateTimeOffset now)
    {
        Require(CaseActions.CallBack);
        ProgressCalledBackAt ??= now;
        Meet(DeadlineKind.ProgressCallBack, now);
        Move("ProgressCallBack", Status, actor, note, now);
    }

    /// <summary>The one extension of the handling limit, with a reason the petitioner is told.</summary>
    public void Extend(int days, string reason, string actor, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.Extend);
        if (Extended)
        {
            throw new CaseTransitionException("The handling limit was already extended once; it can be extended only once.");
        }

        if (days < 1 || days > rules.Policy.MaxExtensionDays)
        {
            throw DomainException.Invalid("days", $"An extension is 1 to {rules.Policy.MaxExtensionDays} days.");
        }

        var resolve = Deadlines.SingleOrDefault(d => d.Kind == DeadlineKind.Resolve && d.IsOpen)
            ?? throw new CaseTransitionException("The case has no running handling limit to extend.");
        if (now >= resolve.DueAt)
        {
            throw new CaseTransitionException("The handling limit has already passed; an extension is approved before it runs out.");
        }

        resolve.DueAt = resolve.DueAt.AddDays(days);
        resolve.WarnAt = DeadlineCalculator.WarnAt(resolve.OpenedAt, resolve.DueAt);
        resolve.ApproachingRaisedAt = null;
        ResolveDueAt = resolve.DueAt;
        Extended = true;
        ExtensionReason = reason;
        Move("Extend", Status, actor, $"延期{days}日：{reason}", now);
    }

    /// <summary>A town or village office hands the case to a county department as a work order.</summary>
    public void Escalate(Holder department, string actor, string reason, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.Escalate);
        if (department.Kind != HolderKind.Department)
        {
            throw DomainException.Invalid("department", "Cases are escalated to a department.");
        }

        if (Holder?.Kind != HolderKind.Region)
        {
            throw new CaseTransitionException("Only the town or village office holding the case escalates it; a department sends it back instead.");
        }

        EscalatedFrom = Holder;
        Holder = department;
        var limits = rules.Policy.WorkOrder(WorkOrderClass);
        Open(DeadlineKind.Sign, rules.Due(now, limits.Dispatch), now);
        Open(DeadlineKind.WorkOrderResult, rules.Due(now, limits.Result), now);
        Move("Escalate", CaseStatus.Escalated, actor, reason, now);
    }

    /// <summary>签收: the department takes the work order.</summary>
    public void Sign(string actor, DateTimeOffset now)
    {
        Require(CaseActions.Sign);
        Meet(DeadlineKind.Sign, now);
        Move("Sign", CaseStatus.InProgress, actor, null, now);
    }

    /// <summary>The outcome and the written opinion (处理意见书). A department's answer returns the case to the office that revisits.</summary>
    public void Answer(Outcome outcome, string opinion, string actor, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.Answer);
        RequireOutcomeFits(outcome);
        var resolve = Deadlines.Where(d => d.Kind == DeadlineKind.Resolve && d.IsOpen).Select(d => (DateTimeOffset?)d.DueAt).SingleOrDefault();
        AnsweredOnTime = resolve is null || now < resolve;
        Meet(DeadlineKind.Resolve, now);
        Meet(DeadlineKind.WorkOrderResult, now);
        Meet(DeadlineKind.ProgressCallBack, now);
        Outcome = outcome;
        Opinion = opinion;
        RecordAnswerer();
        AnsweredAt = now;
        if (EscalatedFrom is not null)
        {
            Holder = EscalatedFrom;
            EscalatedFrom = null;
        }

        ReviewWindowEndsAt = rules.Due(now, rules.Policy.ReviewWindow).At;
        Open(DeadlineKind.Revisit, rules.Due(now, IsHotline ? rules.Policy.HotlineRevisit : rules.Policy.Revisit), now);
        Move("Answer", CaseStatus.Answered, actor, $"{outcome}：{opinion}", now);
    }

    /// <summary>
    /// 回访. Dissatisfaction the handler caused reopens the case to be redone; any other result closes it.
    /// </summary>
    public void Revisit(Satisfaction satisfaction, bool handlerAtFault, string? note, string actor, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.Revisit);
        Meet(DeadlineKind.Revisit, now);
        Satisfaction = satisfaction;
        RevisitedAt = now;
        if (satisfaction == Cases.Satisfaction.Dissatisfied && handlerAtFault)
        {
            Reopens++;
            var due = rules.Due(now, rules.Policy.Redo);
            Open(DeadlineKind.Resolve, due, now);
            ResolveDueAt = due.At;
            Move("Revisit", CaseStatus.InProgress, actor, $"{satisfaction}（办理原因，重办）{note}", now);
            return;
        }

        ClosedAt = now;
        Move("Revisit", CaseStatus.Closed, actor, $"{satisfaction} {note}".Trim(), now);
    }

    /// <summary>The petitioner's name in a case's history: who rated it is the petitioner, never named.</summary>
    public const string PetitionerActor = "petitioner";

    /// <summary>Whether the petitioner may rate the case now: once, after it was answered (or refused).</summary>
    public bool MayBeRated => RatedAt is null && (AnsweredAt is not null || Status == CaseStatus.NotAccepted);

    /// <summary>
    /// 评价 through the public query (查询). It is the case's satisfaction (the figures count it) until a
    /// later 回访 records the petitioner's word again. The status stays: the revisit still decides
    /// whether dissatisfaction was the handler's doing and the case is redone.
    /// </summary>
    public void Rate(Satisfaction rating, string? comment, DateTimeOffset now)
    {
        if (!MayBeRated)
        {
            throw new CaseTransitionException(RatedAt is null
                ? "The case has not been answered yet; it can be rated once it is."
                : "The case was already rated; a rating is given once.");
        }

        Rating = rating;
        RatedAt = now;
        Satisfaction = rating;
        Steps.Add(Step("Rate", Status, PetitionerActor, $"{rating} {comment}".Trim(), now));
        UpdatedAt = now;
    }

    /// <summary>
    /// 复查 from the written opinion on (the 30 days run from it, so the petitioner need not wait for
    /// the revisit), then 复核 after the review's answer, each within its window.
    /// </summary>
    public void RequestReview(string actor, string reason, CaseRules rules, DateTimeOffset now)
    {
        if (ReviewStage == ReviewStage.None)
        {
            Require(CaseActions.RequestReview);
        }
        else
        {
            Require(CaseActions.RequestReReview);
        }

        var next = ReviewStage switch
        {
            ReviewStage.None => ReviewStage.Review,
            ReviewStage.Review => ReviewStage.ReReview,
            _ => throw new CaseTransitionException("The matter was re-reviewed (复核) and is final."),
        };
        if (Outcome is null || ReviewWindowEndsAt is null || now >= ReviewWindowEndsAt)
        {
            throw new CaseTransitionException($"The window to ask for {(next == ReviewStage.Review ? "复查" : "复核")} closed at {ReviewWindowEndsAt:u}.");
        }

        ReviewStage = next;
        ClosedAt = null;
        // Asked before the revisit: the review, not the revisit, now decides whether the matter stands.
        Cancel(DeadlineKind.Revisit, now);
        Open(DeadlineKind.ReviewAnswer, rules.Due(now, rules.Policy.ReviewAnswer), now);
        Move(next == ReviewStage.Review ? "RequestReview" : "RequestReReview", CaseStatus.UnderReview, actor, reason, now);
    }

    /// <summary>
    /// The review's written answer by <paramref name="reviewer"/>; after 复核 the matter is final
    /// (终结). <paramref name="departmentRegion"/>: the region of the <see cref="AnsweringDepartment"/>,
    /// when a department answered.
    /// </summary>
    public void AnswerReview(Outcome outcome, string opinion, string actor, Reviewer reviewer, string? departmentRegion, CaseRules rules, DateTimeOffset now)
    {
        Require(CaseActions.AnswerReview);
        RequireOutcomeFits(outcome);
        RequireAboveTheAnswer(reviewer, departmentRegion);

        Meet(DeadlineKind.ReviewAnswer, now);
        Outcome = outcome;
        Opinion = opinion;
        AnsweredAt = now;
        ClosedAt = now;
        if (ReviewStage == ReviewStage.ReReview)
        {
            ReviewWindowEndsAt = null;
            Move("AnswerReReview", CaseStatus.Terminated, actor, $"{outcome}：{opinion}", now);
            return;
        }

        ReviewedBy = reviewer.Region;
        ReviewWindowEndsAt = rules.Due(now, rules.Policy.ReviewWindow).At;
        Move("AnswerReview", CaseStatus.Closed, actor, $"{outcome}：{opinion}", now);
    }

    private void RecordAnswerer()
    {
        AnsweredBy = Holder?.Name;
        AnsweringDepartment = Holder is { Kind: HolderKind.Department } department ? department.Code : null;
    }

    /// <summary>
    /// 复查 is for a body above the one that answered (the office holding the case, or the department
    /// that answered its work order): a body over a wider region than the answering one's, or, for a
    /// department's answer, also the government of the department's own region (a county government
    /// reviews its own bureau's answer; no bureau reviews its own, nor a sister bureau's). 复核 is for a
    /// body above the one that answered the 复查. Where the answering body is not known, nobody is
    /// taken to be above it.
    /// </summary>
    private void RequireAboveTheAnswer(Reviewer reviewer, string? departmentRegion)
    {
        static bool Above(string upper, string lower) => upper.Length < lower.Length && lower.StartsWith(upper, StringComparison.Ordinal);

        if (ReviewStage == ReviewStage.Review)
        {
            var byDepartment = AnsweringDepartment is not null;
            var region = byDepartment ? departmentRegion : Holder is { } office ? RegionPrefixes.Of(office.Code) : null;
            var above = region is not null
                && (Above(reviewer.Region, region) || (byDepartment && reviewer.Departments.Count == 0 && reviewer.Region == region))
                && !(byDepartment && reviewer.Departments.Contains(AnsweringDepartment!));
            if (!above)
            {
                throw new CaseTransitionException($"复查 is for a body above the one that answered ({AnsweredBy}, {region ?? "region unknown"}); {reviewer.Region} is not above it.");
            }
        }

        if (ReviewStage == ReviewStage.ReReview && ReviewedBy is { } first && !Above(reviewer.Region, first))
        {
            throw new CaseTransitionException($"复核 is for a body above the one that answered the 复查 ({first}); {reviewer.Region} is not above it.");
        }
    }

    /// <summary>
    /// Dispute mediation (三调联动): investigated with its parties named, mediated by a named mediator,
    /// then settled at a level with the agreement reached. A settlement answers the matter with the
    /// agreement as its opinion and closes the case: the parties' own agreement is the resolution.
    /// </summary>
    public void RecordMediation(MediationRecord record, string actor, string? note, DateTimeOffset now)
    {
        var (step, level) = (record.Step, record.Level);
        if (MatterType != MatterType.Dispute)
        {
            throw new CaseTransitionException("Only disputes (矛盾纠纷) are mediated.");
        }

        Require(CaseActions.Mediate);
        if (MediationStep is { } done && step <= done)
        {
            throw new CaseTransitionException($"The dispute is already {done}; mediation moves forward only.");
        }

        var parties = record.Parties is { Count: > 0 } named ? [.. named] : MediationParties;
        if (step == Cases.MediationStep.Settled)
        {
            if (level is null)
            {
                throw DomainException.Invalid("level", "A settled dispute names the level that settled it.");
            }

            if (parties.Length == 0)
            {
                throw DomainException.Invalid("parties", "A settled dispute names its parties.");
            }

            if (record.Agreement is null)
            {
                throw DomainException.Invalid("agreement", "A settled dispute states the agreement reached.");
            }
        }

        MediationParties = parties;
        Mediator = record.Mediator ?? Mediator;
        MediationStep = step;
        if (step != Cases.MediationStep.Settled)
        {
            Move($"Mediation{step}", Status, actor, note, now);
            return;
        }

        SettledLevel = level;
        MediationAgreement = record.Agreement;
        foreach (var open in Deadlines.Where(d => d.IsOpen).ToList())
        {
            open.MetAt = now;
        }

        Outcome = Cases.Outcome.Supported;
        Opinion = $"调解协议：{record.Agreement}";
        RecordAnswerer();
        AnsweredAt = now;
        AnsweredOnTime = ResolveDueAt is not { } due || now <= due;
        ClosedAt = now;
        Move($"Mediation{step}", CaseStatus.Closed, actor, $"{level}：{record.Agreement} {note}".Trim(), now);
    }

    /// <summary>
    /// Whether a completed project can still answer the case: it is being routed or handled (not yet
    /// answered, closed, under review or refused) and it is not an accusation, which works do not answer.
    /// </summary>
    public bool AwaitsProject => MatterType != MatterType.Accusation
        && Status is CaseStatus.Registered or CaseStatus.Assigned or CaseStatus.Accepted or CaseStatus.InProgress or CaseStatus.Escalated;

    /// <summary>
    /// The project that answers the case was completed (验收): the case is answered in its favour —
    /// supported, or for a suggestion adopted — with the project named in the opinion and the history.
    /// Every routing and handling limit is met; a department's work order returns to the office that
    /// escalated it, which revisits the household as after any answer, and the 复查 window opens.
    /// </summary>
    public void ResolveByProject(Guid projectId, string? projectTitle, CaseRules rules, DateTimeOffset now)
    {
        if (!AwaitsProject)
        {
            throw new CaseTransitionException(MatterType == MatterType.Accusation
                ? "An accusation (检举控告) is not answered by a project."
                : $"A case that is {Status} was already answered or closed; a project no longer answers it.");
        }

        var resolve = Deadlines.Where(d => d.Kind == DeadlineKind.Resolve && d.IsOpen).Select(d => (DateTimeOffset?)d.DueAt).SingleOrDefault();
        AnsweredOnTime = resolve is null || now < resolve;
        foreach (var open in Deadlines.Where(d => d.IsOpen).ToList())
        {
            open.MetAt = now;
        }

        ResolvedByProjectId = projectId;
        Outcome = MatterType == MatterType.Suggestion ? Cases.Outcome.Adopted : Cases.Outcome.Supported;
        Opinion = $"已通过为民办实事项目{(string.IsNullOrWhiteSpace(projectTitle) ? "" : $"“{projectTitle}”")}解决，项目已竣工验收（项目编号 {projectId}）。";
        RecordAnswerer();
        AnsweredAt = now;
        if (EscalatedFrom is not null)
        {
            Holder = EscalatedFrom;
            EscalatedFrom = null;
        }

        ReviewWindowEndsAt = rules.Due(now, rules.Policy.ReviewWindow).At;
        Open(DeadlineKind.Revisit, rules.Due(now, IsHotline ? rules.Policy.HotlineRevisit : rules.Policy.Revisit), now);
        Move("ResolveByProject", CaseStatus.Answered, "system", $"{Outcome}：{Opinion}", now);
    }

    /// <summary>督办: a limit was missed; the case is supervised from now on.</summary>
    public bool Supervise(string reason, DateTimeOffset now)
    {
        if (SupervisedAt is not null || !CaseStatuses.IsOpen(Status))
        {
            return false;
        }

        SupervisedAt = now;
        Move("Supervise", Status, "system", reason, now);
        return true;
    }

    private void OpenAcceptanceLimits(CaseRules rules, DateTimeOffset now)
    {
        Open(DeadlineKind.Accept, rules.Due(now, rules.Policy.Accept), now);
        Open(DeadlineKind.Objection, rules.Due(now, rules.Policy.Objection), now);
    }

    private void Require(CaseAction action)
    {
        if (!action.From.Contains(Status))
        {
            throw new CaseTransitionException($"A case that is {Status} cannot {action.Verb}; allowed from {string.Join(", ", action.From)}.");
        }
    }

    private void Move(string action, CaseStatus to, string actor, string? note, DateTimeOffset now)
    {
        Steps.Add(Step(action, to, actor, note, now));
        Status = to;
        UpdatedAt = now;
    }

    private CaseStep Step(string action, CaseStatus to, string actor, string? note, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CaseId = Id,
        Action = action,
        FromStatus = action == "Register" ? to : Status,
        ToStatus = action == "Register" ? Status : to,
        ActorUserId = actor,
        HolderCode = Holder?.Code,
        Note = note,
        At = now,
    };

    private void Open(DeadlineKind kind, Due due, DateTimeOffset now)
    {
        Cancel(kind, now);
        Deadlines.Add(new CaseDeadline { Id = Guid.CreateVersion7(now), CaseId = Id, Kind = kind, OpenedAt = now, DueAt = due.At, WarnAt = due.WarnAt });
    }

    private void Meet(DeadlineKind kind, DateTimeOffset now)
    {
        foreach (var deadline in Deadlines.Where(d => d.Kind == kind && d.IsOpen))
        {
            deadline.MetAt = now;
        }
    }

    private void Cancel(DeadlineKind kind, DateTimeOffset now)
    {
        foreach (var deadline in Deadlines.Where(d => d.Kind == kind && d.IsOpen))
        {
            deadline.CancelledAt = now;
        }
    }
}
