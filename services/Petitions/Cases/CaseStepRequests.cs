namespace MassWork.Petitions.Cases;

/// <summary>Kind "Region" with a town or village division code, or "Department" with a department code.</summary>
public sealed record AssignRequest(string? Kind, string? Code, string? Name, string? Note);

public sealed record ReasonRequest(string? Reason);

/// <summary>复查/复核 asked for, with the petitioner's reasons (longer than a clerk's reason for a step).</summary>
public sealed record ReviewRequest(string? Reason);

public sealed record NoteRequest(string? Note);

public sealed record OwnershipRequest(string? LeadLeader, string? ResponsibleOffice, string? HandlerUserId, string? HandlerName, DateOnly? ResolutionDeadline, string? RevisitTarget);

public sealed record ExtendRequest(int? Days, string? Reason);

public sealed record EscalateRequest(string? DepartmentCode, string? Reason);

public sealed record AnswerRequest(string? Outcome, string? Opinion);

public sealed record RevisitRequest(string? Satisfaction, bool HandlerAtFault, string? Note);

public sealed record MediationRequest(string? Step, string? Level, string? Note, IReadOnlyList<string>? Parties = null, string? Mediator = null, string? Agreement = null);
