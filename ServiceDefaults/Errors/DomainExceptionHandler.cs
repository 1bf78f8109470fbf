using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MassWork.ServiceDefaults.Errors;

/// <summary>The one mapping of <see cref="DomainException"/> to a 400/403/404/409 ProblemDetails.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException refused || httpContext.Response.HasStarted)
        {
            return false;
        }

        var status = refused.Problem switch
        {
            DomainProblem.Invalid => StatusCodes.Status400BadRequest,
            DomainProblem.Forbidden => StatusCodes.Status403Forbidden,
            DomainProblem.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        var problem = refused.Problem == DomainProblem.Invalid
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [refused.Field ?? "request"] = [refused.Message] })
            : new ProblemDetails { Detail = refused.Message };
        problem.Title = refused.Title;
        problem.Status = status;
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
