using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MassWork.ServiceDefaults.Http;

public static class RequestBodyLimits
{
    /// <summary>
    /// Sets this request's body limit where the server enforces one (Kestrel does; an in-process
    /// test server has none) and while the body is still unread.
    /// </summary>
    public static void LimitRequestBody(this HttpContext http, long bytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bytes;
        }
    }
}
