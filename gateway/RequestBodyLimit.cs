using MassWork.ServiceDefaults.Http;
using Yarp.ReverseProxy.Model;

namespace MassWork.Gateway;

/// <summary>
/// Per-route body limits at the gateway: 1 MiB for API calls unless a route's metadata sets
/// MaxRequestBodyBytes (uploads). A body declared too large is answered 413 here, before any byte
/// is forwarded, instead of racing the service's own refusal mid-upload (which YARP reports as 502).
/// </summary>
public static class RequestBodyLimit
{
    public const string MetadataKey = "MaxRequestBodyBytes";
    public const long DefaultBytes = 1024 * 1024;

    public static IReverseProxyApplicationBuilder UseRequestBodyLimit(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var route = context.GetReverseProxyFeature().Route.Config;
            var limit = route.Metadata?.TryGetValue(MetadataKey, out var value) == true && long.TryParse(value, out var parsed) ? parsed : DefaultBytes;
            if (context.Request.ContentLength > limit)
            {
                // The server limit stays high here so Kestrel can drain the unread body and the client reads this answer.
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"This endpoint accepts at most {limit} bytes.").ExecuteAsync(context);
                return;
            }

            context.LimitRequestBody(limit);

            await next();
        });
        return proxy;
    }
}
