namespace MassWork.Contracts.Petitions.V1;

/// <summary>
/// A limit of the case is near. Kind: Route, Accept, Objection, ProgressCallBack, Resolve, Revisit,
/// ReviewAnswer, Sign, WorkOrderResult. Raised once per deadline.
/// </summary>
public sealed record PetitionDeadlineApproaching(PetitionCaseRef Case, string Kind, DateTimeOffset DueAt, DateTimeOffset At);

/// <summary>A limit of the case passed unmet; raised once per deadline. Supervised when this put the case under 督办.</summary>
public sealed record PetitionDeadlineMissed(PetitionCaseRef Case, string Kind, DateTimeOffset DueAt, bool Supervised, DateTimeOffset At);
