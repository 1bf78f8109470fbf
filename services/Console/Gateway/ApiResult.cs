using System.Net;
using System.Text.Json;

namespace MassWork.Console.Gateway;

/// <summary>An API's answer: its value, or the problem it gave (RFC 9457), shown to the user in Chinese.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;

    public static ApiResult<T> Ok(T value) => new(value, null);

    public static ApiResult<T> Failed(ApiProblem problem) => new(default, problem);
}

/// <summary>
/// A refused or failed call: its status, the service's title and detail, and the field errors
/// keyed by the request's JSON path, for showing beside each field.
/// </summary>
public sealed record ApiProblem(HttpStatusCode Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly ApiProblem Unavailable = new(HttpStatusCode.ServiceUnavailable, null, null, new Dictionary<string, string[]>());

    /// <summary>A success the console could not read (its model and the service's answer disagree).</summary>
    public static readonly ApiProblem Unreadable = new(HttpStatusCode.InternalServerError, null, null, new Dictionary<string, string[]>());

    /// <summary>What the user is told, in Chinese, by status.</summary>
    public string Message => Status switch
    {
        HttpStatusCode.Unauthorized => "登录已过期，请重新登录。",
        HttpStatusCode.Forbidden => "您的角色或所辖区域无权查看或办理此项。",
        HttpStatusCode.NotFound => "未找到该记录。",
        HttpStatusCode.TooManyRequests => "操作过于频繁，请稍后再试。",
        HttpStatusCode.PreconditionFailed => "该记录已被他人更新，请查看最新内容后再办理。",
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => "服务暂时不可用，请稍后重试。",
        HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => "请检查填写的内容。",
        _ => "出现错误，请稍后重试。",
    };

    public bool Refused => Status == HttpStatusCode.Forbidden;

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? title = null, detail = null;
        var errors = new Dictionary<string, string[]>();
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                title = body.TryGetProperty("title", out var t) ? t.GetString() : null;
                detail = body.TryGetProperty("detail", out var d) ? d.GetString() : null;
                if (body.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                    {
                        errors[field.Name] = [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")];
                    }
                }
            }
            catch (JsonException)
            {
                // Not a problem document after all: the status alone speaks.
            }
        }

        return new ApiProblem(response.StatusCode, title, detail, errors);
    }
}
