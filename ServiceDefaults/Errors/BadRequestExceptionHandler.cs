using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MassWork.ServiceDefaults.Errors;

/// <summary>
/// Turns request-reading failures (malformed JSON, missing body, body too large) into a 400/413
/// ProblemDetails that names the JSON path at fault, instead of a bare status or a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var status = bad.StatusCode;
        ProblemDetails problem = status == StatusCodes.Status413PayloadTooLarge
            ? new ProblemDetails { Title = "Request body too large", Detail = bad.Message }
            : Describe(bad);
        problem.Status = status;
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Describe(BadHttpRequestException bad)
    {
        if (FindJsonException(bad) is { } json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [$"The JSON at '{field}' could not be read: {FirstSentence(json.Message)}"],
            })
            {
                Title = "Malformed JSON body",
            };
        }

        return new ProblemDetails { Title = "Bad request", Detail = bad.Message };
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
