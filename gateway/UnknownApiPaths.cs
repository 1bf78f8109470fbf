namespace MassWork.Gateway;

/// <summary>
/// A path under /api that no service's route takes is a 404 problem from the gateway itself, not a
/// page: the web console, when the gateway serves it at "/", would otherwise answer it with its
/// sign-in redirect. The services' own routes are more specific and win.
/// </summary>
public static class UnknownApiPaths
{
    public static WebApplication MapUnknownApiPaths(this WebApplication app)
    {
        app.Map("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API",
                detail: "No service answers this path; the API reference is at /scalar."))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
