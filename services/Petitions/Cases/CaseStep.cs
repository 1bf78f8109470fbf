using MassWork.ServiceDefaults.Errors;
namespace MassWork.Petitions.Cases;

/// <summary>One step in a case's life, kept for ever: who did what, when, from which status to which, and why.</summary>
public sealed class CaseStep
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public required string Action { get; init; }

    public CaseStatus FromStatus { get; init; }

    public CaseStatus ToStatus { get; init; }

    public required string ActorUserId { get; init; }

    public string? HolderCode { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>An action the case's state does not allow now; answered with 409.</summary>
public sealed class CaseTransitionException(string message) : DomainException(DomainProblem.Conflict, "Not allowed in the case's state", message);
