namespace MassWork.Gateway.Security;

/// <summary>
/// Headers every gateway answer carries, whichever service made it: no content sniffing, no
/// referrer sent on, never framed. API answers get a Content-Security-Policy that allows nothing
/// (they are data, never pages); a page that brings its own policy (the identity service's
/// sign-in pages) keeps it, and the API reference, which loads its scripts, is only kept from frames.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    public const string FramePolicy = "frame-ancestors 'none'";

    public static IHostApplicationBuilder AddSecurityHeaders(this IHostApplicationBuilder builder)
    {
        // A year, as browsers' preload lists expect; sub-domains are the operator's to decide.
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS answers (behind a TLS-terminating proxy: with X-Forwarded-Proto from a trusted proxy).
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (headers.ContentSecurityPolicy.Count == 0)
                {
                    headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReference.Path) ? FramePolicy : ApiPolicy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
