using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassWork.ServiceDefaults.Errors;

/// <summary>The ProblemDetails (RFC 9457) this service answers with, worded once.</summary>
public static class Problems
{
    public static ProblemHttpResult OutsideRegion(string field, string code, string region) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your region",
            detail: $"{field} {code} is outside your region {region}.");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} was not found in your region.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    public static ValidationProblem Invalid(string field, string message, string title = "The request is not valid") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string title = "The request is not valid") =>
        TypedResults.ValidationProblem(errors, title: title);

    /// <summary>A city's settings are addressed by its 4-digit division code prefix (<c>/policies/3607</c>).</summary>
    public static ValidationProblem? CityCode(string cityCode) =>
        cityCode.Length == 4 && cityCode.All(char.IsAsciiDigit) ? null : Invalid("cityCode", "The 4-digit city code, e.g. 3607.");

    /// <summary>
    /// Page and page size checks shared by every list. The rows skipped, (page - 1) × pageSize, must
    /// fit the int every list computes them in: a larger page would wrap to a negative OFFSET.
    /// </summary>
    public static ValidationProblem? Paging(int page, int pageSize) =>
        page < 1 ? Invalid("page", "Must be 1 or more.")
        : pageSize is < 1 or > 500 ? Invalid("pageSize", "Must be between 1 and 500.")
        : (long)(page - 1) * pageSize > int.MaxValue ? Invalid("page", $"At most {int.MaxValue / pageSize + 1} with {pageSize} a page.")
        : null;
}
