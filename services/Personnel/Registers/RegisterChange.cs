namespace MassWork.Personnel.Registers;

/// <summary>
/// A line in the history of the registers (名册) of cadres, dispatching units and work teams: who
/// changed what, when, and why. Rows are never updated or deleted; the database-generated id keeps
/// their order when two changes share a timestamp.
/// </summary>
public sealed class RegisterChange
{
    public long Id { get; init; }

    public RegisterSubject Subject { get; init; }

    public Guid SubjectId { get; init; }

    public RegisterAction Action { get; init; }

    public List<FieldChange> Changes { get; init; } = [];

    public string? Reason { get; init; }

    public DateTimeOffset At { get; init; }

    public required string By { get; init; }

    public static RegisterChange Of(RegisterSubject subject, Guid id, RegisterAction action, IReadOnlyList<FieldChange> changes, string? reason, DateTimeOffset at, string by) =>
        new() { Subject = subject, SubjectId = id, Action = action, Changes = [.. changes], Reason = reason, At = at, By = by };
}

public enum RegisterSubject
{
    Cadre,
    Unit,
    Team,
}

public enum RegisterAction
{
    /// <summary>Corrected or updated.</summary>
    Edited,

    /// <summary>A cadre left the programme (调离、退休), a unit was dissolved or merged, a team was recalled (撤回).</summary>
    Retired,
}
