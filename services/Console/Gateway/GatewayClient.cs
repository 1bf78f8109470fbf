using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace MassWork.Console.Gateway;

/// <summary>
/// The platform's APIs, called through the gateway as the signed-in user (their access token), so
/// the services' role matrix and region scope decide what the console may show: the console keeps
/// no rule of its own about who may see what.
/// </summary>
public sealed class GatewayClient(HttpClient http, ILogger<GatewayClient> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>
    /// A POST or PUT with a JSON body. A create carries the form's client id as its Idempotency-Key,
    /// so a post retried on a weak connection makes one record, not two; a change to a versioned
    /// record carries the version the page showed (If-Match), so a change made meanwhile is a 412, not overwritten.
    /// </summary>
    public Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object body, string? idempotencyKey = null, string? ifMatch = null,
        CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return SendAsync<T>(request, cancellationToken);
    }

    /// <summary>
    /// Files posted to the console passed on as one multipart/form-data upload, each in a part named
    /// <paramref name="partName"/>, streamed: never read whole into memory.
    /// </summary>
    public Task<ApiResult<T>> UploadAsync<T>(string path, string partName, IEnumerable<IFormFile> files, CancellationToken cancellationToken = default)
    {
        var content = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new StreamContent(file.OpenReadStream());
            part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, partName, Path.GetFileName(file.FileName));
        }

        return SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, cancellationToken);
    }

    /// <summary>A posted file passed on as the request's whole body (a CSV import), streamed, with the form's client id as its Idempotency-Key.</summary>
    public Task<ApiResult<T>> PostFileAsync<T>(string path, IFormFile file, string contentType, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        var body = new StreamContent(file.OpenReadStream());
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return SendAsync<T>(request, cancellationToken);
    }

    /// <summary>A request built by the caller (its own headers); disposed once answered.</summary>
    public async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = request;
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return ApiResult<T>.Ok((await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!);
            }

            return ApiResult<T>.Failed(await ApiProblem.ReadAsync(response, cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or Polly.ExecutionRejectedException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The gateway unreachable, or the call given up (its time limit, an open circuit): the panel says the service is unavailable.
            logger.LogWarning(e, "{Method} {Path} through the gateway failed", request.Method, request.RequestUri);
            return ApiResult<T>.Failed(ApiProblem.Unavailable);
        }
        catch (JsonException e)
        {
            // An answer the console cannot read is its own fault: the page says so and stays up; the log names the call.
            logger.LogError(e, "{Method} {Path}: the answer could not be read", request.Method, request.RequestUri);
            return ApiResult<T>.Failed(ApiProblem.Unreadable);
        }
    }
}

/// <summary>
/// Puts the signed-in user's access token on every call to the gateway, and the browser's address as
/// the gateway passed it on (X-Forwarded-For), so the gateway's per-address limits count each staff
/// member's browser, not the console (the gateway believes the header only from its trusted networks).
/// </summary>
public sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is not { } context)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (await context.GetTokenAsync("access_token") is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (context.Request.Headers["X-Forwarded-For"] is { Count: > 0 } forwarded)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", (IEnumerable<string>)forwarded!);
        }
        else if (context.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

public static class GatewayClientExtensions
{
    public static IHostApplicationBuilder AddGatewayClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<UserTokenHandler>();
        // "http://gateway": the AppHost's services__gateway__http__0 locally, the gateway's Service on Kubernetes.
        builder.Services.AddHttpClient<GatewayClient>(http => http.BaseAddress = new Uri(builder.Configuration["Console:Gateway"] ?? "http://gateway"))
            .AddHttpMessageHandler<UserTokenHandler>();
        return builder;
    }
}
