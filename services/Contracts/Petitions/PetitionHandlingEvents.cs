namespace MassWork.Contracts.Petitions.V1;

/// <summary>The case went to a county department as a work order; it signs by SignDue and replies by ResultDue.</summary>
public sealed record PetitionEscalated(PetitionCaseRef Case, string DepartmentCode, string DepartmentName, string Reason, DateTimeOffset SignDue, DateTimeOffset ResultDue, DateTimeOffset At);

/// <summary>The department signed for the work order (签收).</summary>
public sealed record PetitionSigned(PetitionCaseRef Case, DateTimeOffset At);

/// <summary>
/// 五定 set or changed: lead leader, responsible office, handler, resolution deadline, revisit target;
/// NextDue is the earliest open limit the handler must meet (absent from older messages).
/// </summary>
public sealed record PetitionOwnershipSet(
    PetitionCaseRef Case,
    string LeadLeader,
    string ResponsibleOffice,
    string HandlerUserId,
    string HandlerName,
    DateOnly ResolutionDeadline,
    string RevisitTarget,
    DateTimeOffset At,
    DateTimeOffset? NextDue = null);

/// <summary>The petitioner was told how the case stands (7-day progress call-back).</summary>
public sealed record PetitionProgressCalledBack(PetitionCaseRef Case, string Note, DateTimeOffset At);

/// <summary>The handling limit was extended once; the petitioner is told why.</summary>
public sealed record PetitionExtended(PetitionCaseRef Case, int Days, string Reason, DateTimeOffset ResolveDue, DateTimeOffset At);

/// <summary>
/// The written opinion was given. Outcome: "Supported" 支持, "Explained" 解释说明, "NotSupported"
/// 不予支持; for a suggestion "Adopted" 吸纳 or "NotAdopted". The household is revisited by RevisitDue and may ask for 复查 until ReviewWindowEndsAt.
/// ResolvedByProjectId: the 为民办实事 project whose completion answered the case (absent otherwise and from older messages).
/// </summary>
public sealed record PetitionAnswered(
    PetitionCaseRef Case,
    string Outcome,
    string Opinion,
    string? AnsweredBy,
    bool OnTime,
    DateTimeOffset? RevisitDue,
    DateTimeOffset? ReviewWindowEndsAt,
    DateTimeOffset At,
    Guid? ResolvedByProjectId = null);

/// <summary>回访 done. Reopened when the household was dissatisfied for reasons the handler caused.</summary>
public sealed record PetitionRevisited(PetitionCaseRef Case, string Satisfaction, bool Reopened, DateTimeOffset At);

/// <summary>The case is closed (办结); close-out (销号) on the village notice board.</summary>
public sealed record PetitionClosed(PetitionCaseRef Case, string? Outcome, string? Satisfaction, DateTimeOffset At);

/// <summary>复查 (Stage "Review") or 复核 (Stage "ReReview") was requested; it is answered by AnswerDue.</summary>
public sealed record PetitionReviewRequested(PetitionCaseRef Case, string Stage, DateTimeOffset AnswerDue, DateTimeOffset At);

/// <summary>A 复查 or 复核 was answered; Final (终结) after 复核.</summary>
public sealed record PetitionReviewAnswered(PetitionCaseRef Case, string Stage, string Outcome, string Opinion, bool Final, DateTimeOffset At);

/// <summary>A dispute's mediation moved on: "Investigated", "Mediated" or "Settled" (at Level "Group", "Village" or "Town").</summary>
public sealed record PetitionMediationRecorded(PetitionCaseRef Case, string Step, string? Level, DateTimeOffset At);
