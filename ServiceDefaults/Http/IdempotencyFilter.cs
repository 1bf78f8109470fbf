using System.Security.Cryptography;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace MassWork.ServiceDefaults.Http;

/// <summary>
/// Idempotency-Key for create endpoints. The key row, the handler's change and its events commit
/// in one transaction on the service's DbContext, so a retry after any failure either finds the
/// stored response (replayed as it was) or finds nothing (and runs again).
/// A retry while the first is still running gets 409; the same key with another body gets 422.
/// </summary>
public sealed class IdempotencyFilter<TContext>(TContext db, TimeProvider time) : IEndpointFilter
    where TContext : ServiceDbContext
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > MaxKeyLength)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [HeaderName] = [$"The key must be at most {MaxKeyLength} characters."] });
        }

        var cancellationToken = http.RequestAborted;
        var scope = $"{http.User.FindFirst(MassWorkClaims.UserId)?.Value}|{http.Request.Method}|{(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path}";
        var hash = await HashRequestAsync(http.Request, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lockKey = $"{scope}|{key}";
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({lockKey}, 0)) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Request in progress",
                detail: $"A request with this {HeaderName} is still being processed; retry later.");
        }

        var stored = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
        if (stored is not null)
        {
            return stored.RequestHash == hash
                ? new ReplayResult(stored)
                : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: $"This {HeaderName} was used with a different request body.");
        }

        var result = await next(context);
        var captured = await CapturedResponse.ExecuteAsync(result, http);
        if (captured.StatusCode is >= 200 and < 300)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Scope = scope,
                Key = key,
                RequestHash = hash,
                StatusCode = captured.StatusCode,
                ContentType = captured.ContentType,
                Location = captured.Location,
                Body = captured.Body,
                CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return captured;
    }

    private static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The body was buffered by IdempotencyBufferingMiddleware and read once by binding.
        request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private sealed class ReplayResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = record.StatusCode;
            httpContext.Response.Headers[ReplayedHeaderName] = "true";
            if (record.ContentType is not null)
            {
                httpContext.Response.ContentType = record.ContentType;
            }

            if (record.Location is not null)
            {
                httpContext.Response.Headers.Location = record.Location;
            }

            await httpContext.Response.Body.WriteAsync(record.Body);
        }
    }
}
