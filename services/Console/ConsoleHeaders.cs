namespace MassWork.Console;

/// <summary>
/// The console's pages bring their own Content-Security-Policy (the gateway gives API answers one
/// that allows nothing): only this origin's styles, images and forms, no script at all (pages are
/// rendered on the server), never framed. The sign-in forms post to the identity service, which the
/// browser reaches at the same origin through the gateway.
/// </summary>
public static class ConsoleHeaders
{
    public const string Policy = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    public static WebApplication UseConsoleHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = Policy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
