using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace MassWork.Console.Gateway;

/// <summary>
/// The platform's APIs, called through the gateway as the signed-in user (their access token), so
/// the services' role matrix and region scope decide what the console may show: the console keeps
/// no rule of its own about who may see what.
/// </summary>
public sealed class GatewayClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>
    /// A POST or PUT with a JSON body. A create carries the form's client id as its Idempotency-Key,
    /// so a post retried on a weak connection makes one record, not two.
    /// </summary>
    public Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object body, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
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

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
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
        catch (HttpRequestException)
        {
            return ApiResult<T>.Failed(ApiProblem.Unavailable);
        }
    }
}

/// <summary>Puts the signed-in user's access token on every call to the gateway.</summary>
public sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && await context.GetTokenAsync("access_token") is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
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
