namespace MassWork.ServiceDefaults.Errors;

/// <summary>What kind of refusal a domain rule makes, and so which status the caller gets.</summary>
public enum DomainProblem
{
    /// <summary>400: a value breaks a rule; the problem names the field.</summary>
    Invalid,

    /// <summary>403: the caller may not take this step.</summary>
    Forbidden,

    /// <summary>404: something the step refers to does not exist.</summary>
    NotFound,

    /// <summary>409: the entity's state does not allow the step now.</summary>
    Conflict,
}

/// <summary>
/// A domain rule refused what was asked. Entities and rule classes throw it (or a type derived from
/// it); <see cref="DomainExceptionHandler"/> turns it into ProblemDetails in one place, so endpoints
/// neither catch it nor read its text. Thrown before anything is saved, so nothing changes.
/// </summary>
public class DomainException(DomainProblem problem, string title, string message, string? field = null) : Exception(message)
{
    public DomainProblem Problem { get; } = problem;

    public string Title { get; } = title;

    /// <summary>The request field at fault (JSON name, dotted for nested ones) for <see cref="DomainProblem.Invalid"/>.</summary>
    public string? Field { get; } = field;

    public static DomainException Invalid(string field, string message) =>
        new(DomainProblem.Invalid, "The request is not valid", message, field);
}
