using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MassWork.ServiceDefaults.Errors;

/// <summary>
/// A database that does not answer (stopped, restarting, failing over, out of connections), or
/// another dependency that fails (<see cref="DependencyUnavailableException"/>: the blob store), is
/// not the caller's fault nor a bug: 503 with Retry-After, so clients and the gateway retry later,
/// instead of a 500. Nothing was written: the request's transaction never committed, and an upload
/// stores its file before its record.
/// </summary>
internal sealed partial class DependencyDownExceptionHandler(IProblemDetailsService problemDetails, ILogger<DependencyDownExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var title = exception is DependencyUnavailableException dependency ? dependency.Title
            : IsDatabaseDown(exception) ? "The database is unavailable"
            : null;
        if (title is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = title,
                Detail = $"Nothing was changed. Try again in {RetryAfterSeconds} seconds.",
            },
            Exception = exception,
        });
    }

    /// <summary>Npgsql marks connection failures, shutdowns and pool exhaustion transient; EF wraps them.</summary>
    public static bool IsDatabaseDown(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dependency unavailable for {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string path, string reason);
}
