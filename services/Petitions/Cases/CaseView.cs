namespace MassWork.Petitions.Cases;

public sealed record PetitionerView(string? Name, string? PhoneMasked, Guid? HouseholdId);

/// <summary>A dispute's mediation: its parties, mediator and the agreement reached.</summary>
public sealed record MediationView(IReadOnlyList<string> Parties, string? Mediator, string? Agreement);

/// <summary>One time limit as shown: Lapsed, a window (异议) that ran out unused; Cancelled, closed without being met (a lapsed window too).</summary>
public sealed record DeadlineView(string Kind, DateTimeOffset DueAt, DateTimeOffset? MetAt, bool Cancelled, bool Overdue, bool Lapsed);

public sealed record StepView(string Action, string FromStatus, string ToStatus, string Actor, string? HolderCode, string? Note, DateTimeOffset At);

/// <summary>
/// One case as staff read it. Times are in Asia/Shanghai (+08:00). Petitioner is null and
/// PetitionerHidden true where the caller may not see an accuser. <see cref="Steps"/>: the routes of
/// the steps the reader may take now (<see cref="CaseActions"/>), as buttons to show.
/// </summary>
public sealed record CaseView(
    Guid Id,
    string Number,
    string Status,
    string Channel,
    string MatterType,
    string CategoryCode,
    string RegionCode,
    string Level,
    PetitionerView? Petitioner,
    bool PetitionerHidden,
    string? MandateReference,
    int Representatives,
    string Content,
    IReadOnlyList<Attachment> Attachments,
    string? NotAcceptedReason,
    Guid? RepeatOfCaseId,
    int RepeatCount,
    bool SkipLevel,
    Holder? Holder,
    Holder? EscalatedFrom,
    Ownership? Ownership,
    DateTimeOffset? ResolveDueAt,
    bool Extended,
    string? Outcome,
    string? Opinion,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    bool? AnsweredOnTime,
    string? Satisfaction,
    string ReviewStage,
    DateTimeOffset? ReviewWindowEndsAt,
    string? MediationStep,
    string? SettledLevel,
    DateTimeOffset? SupervisedAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<StepView> History,
    MediationView? Mediation,
    Guid? ResolvedByProjectId,
    IReadOnlyList<string> Steps)
{
    /// <summary>The case as <paramref name="caller"/> (staff of <paramref name="departments"/>) reads it.</summary>
    public static CaseView For(Case c, Caller caller, IReadOnlyCollection<string> departments, DateTimeOffset now) =>
        Of(c, CaseAccess.SeesPetitioner(caller, c), CaseActions.Available(c, permission => CaseAccess.Allows(caller, c, permission, departments)), now);

    private static CaseView Of(Case c, bool seesPetitioner, IReadOnlyList<string> steps, DateTimeOffset now) => new(
        c.Id, c.Number, c.Status.ToString(), c.Channel.ToString(), c.MatterType.ToString(), c.CategoryCode, c.RegionCode, c.Level.ToString(),
        seesPetitioner ? new PetitionerView(c.PetitionerName, c.PetitionerPhoneMasked, c.HouseholdId) : null,
        !seesPetitioner,
        seesPetitioner ? c.MandateReference : null,
        c.Representatives, c.Content, c.Attachments, c.NotAcceptedReason, c.RepeatOfCaseId, c.RepeatCount, c.SkipLevel,
        c.Holder, c.EscalatedFrom, c.Ownership, ChinaTime.Local(c.ResolveDueAt), c.Extended, c.Outcome?.ToString(), c.Opinion, c.AnsweredBy, ChinaTime.Local(c.AnsweredAt),
        c.AnsweredOnTime, c.Satisfaction?.ToString(), c.ReviewStage.ToString(), ChinaTime.Local(c.ReviewWindowEndsAt), c.MediationStep?.ToString(),
        c.SettledLevel?.ToString(), ChinaTime.Local(c.SupervisedAt), ChinaTime.Local(c.RegisteredAt), ChinaTime.Local(c.ClosedAt),
        c.Deadlines.OrderBy(d => d.OpenedAt).ThenBy(d => d.DueAt)
            .Select(d => new DeadlineView(d.Kind.ToString(), ChinaTime.Local(d.DueAt), ChinaTime.Local(d.MetAt), d.CancelledAt is not null, d.IsOpen && !d.IsWindow && now >= d.DueAt, d.Lapsed)).ToList(),
        c.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new StepView(s.Action, s.FromStatus.ToString(), s.ToStatus.ToString(), s.ActorUserId, s.HolderCode, seesPetitioner || s.Action != "Register" ? s.Note : null, ChinaTime.Local(s.At))).ToList(),
        c.MediationStep is null ? null : new MediationView(c.MediationParties, c.Mediator, c.MediationAgreement),
        c.ResolvedByProjectId,
        steps);

}
