using Microsoft.AspNetCore.Http;

namespace MassWork.ServiceDefaults.Http;

/// <summary>A handler's result executed into memory, so it can be stored before it is sent.</summary>
internal sealed class CapturedResponse : IResult
{
    public int StatusCode { get; private init; }

    public string? ContentType { get; private init; }

    public string? Location { get; private init; }

    public required byte[] Body { get; init; }

    public static async Task<CapturedResponse> ExecuteAsync(object? result, HttpContext http)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            var asResult = result as IResult ?? (result is null ? Results.Empty : Results.Json(result));
            await asResult.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        return new CapturedResponse
        {
            StatusCode = http.Response.StatusCode,
            ContentType = http.Response.ContentType,
            Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            Body = buffer.ToArray(),
        };
    }

    public Task ExecuteAsync(HttpContext httpContext) => httpContext.Response.Body.WriteAsync(Body).AsTask();
}
