using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassWork.ServiceDefaults.Validation;

/// <summary>A failed validation as the errors of a 400 ProblemDetails, keyed by the request's JSON field path.</summary>
public static class ValidationResults
{
    /// <summary>
    /// One entry per field, keyed as the request spells it (<see cref="RequestValidator{T}"/> names
    /// properties in JSON's camelCase: <c>petitioner.name</c>, <c>attachments[0].fileName</c>), its
    /// messages in rule order; a rule on the whole request is keyed <c>request</c>.
    /// </summary>
    public static Dictionary<string, string[]> ToErrors(this ValidationResult result) =>
        result.Errors
            .GroupBy(e => string.IsNullOrEmpty(e.PropertyName) ? "request" : e.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);

    public static ValidationProblem ToProblem(this ValidationResult result, string title = "The request is not valid") =>
        TypedResults.ValidationProblem(result.ToErrors(), title: title);

    /// <summary>
    /// Adds a problem found outside the validator (a route key, a lookup) to the same result, so the
    /// caller still learns every problem at once; a null problem adds nothing.
    /// </summary>
    public static ValidationResult Also(this ValidationResult result, string field, string? problem)
    {
        if (problem is not null)
        {
            result.Errors.Add(new ValidationFailure(field, problem));
        }

        return result;
    }

    /// <summary>A result with one problem: a lookup that failed once the fields were right.</summary>
    public static ValidationResult Refuse(string field, string problem) => new([new ValidationFailure(field, problem)]);
}
