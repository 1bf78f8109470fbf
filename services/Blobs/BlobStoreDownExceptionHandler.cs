using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace MassWork.Blobs;

/// <summary>
/// A store that fails is not the caller's fault: 503 with Retry-After, as for a database that is
/// down. An upload stores its file before its record, so a refused upload leaves no record behind.
/// </summary>
internal sealed partial class BlobStoreDownExceptionHandler(IProblemDetailsService problemDetails, ILogger<BlobStoreDownExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BlobStoreUnavailableException || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The photo store is unavailable",
                Detail = $"Nothing was recorded. Try again in {RetryAfterSeconds} seconds.",
            },
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob store unavailable for {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string path, string reason);
}
