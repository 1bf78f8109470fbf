namespace MassWork.Contracts.Petitions.V1;

/// <summary>
/// A matter was registered (登记). Status "NotAccepted" with RepeatOfCaseId means a repeat merged
/// into that case, or (SkipLevel) a skip-level intake, or a matter already final after 复核.
/// </summary>
public sealed record PetitionRegistered(
    PetitionCaseRef Case,
    string Channel,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ProgressCallBackDue,
    Guid? RepeatOfCaseId,
    bool SkipLevel,
    string? NotAcceptedReason);

/// <summary>The case was routed or assigned (转送/交办) to Case.Holder*; Reassigned when it moved from another holder.</summary>
public sealed record PetitionAssigned(PetitionCaseRef Case, bool Reassigned, string? Note, DateTimeOffset? AcceptDue, DateTimeOffset At);

/// <summary>The holder accepted the case (受理); it must be answered by ResolveDue.</summary>
public sealed record PetitionAccepted(PetitionCaseRef Case, DateTimeOffset? ResolveDue, DateTimeOffset At);

/// <summary>The holder did not accept the case (不予受理); final.</summary>
public sealed record PetitionNotAccepted(PetitionCaseRef Case, string Reason, DateTimeOffset At);

/// <summary>The holder objected that the matter is outside its remit; the case waits to be routed again.</summary>
public sealed record PetitionObjected(PetitionCaseRef Case, string FromHolderCode, string Reason, DateTimeOffset At);

/// <summary>退单: the holder sent the case back; Case.Holder* is where it is now (none when it waits to be routed).</summary>
public sealed record PetitionSentBack(PetitionCaseRef Case, string FromHolderCode, string Reason, DateTimeOffset At);
