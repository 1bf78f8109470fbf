namespace MassWork.Identity.Tokens;

/// <summary>
/// Browsers and clients reach this service only through the gateway, whose public address is the
/// issuer. Every address the service writes (the discovery document's endpoints, its pages' links)
/// must name that address, not the internal one a request arrived at; so each request is read as
/// addressed to the issuer. No forwarded header is trusted for it.
/// </summary>
public static class IssuerAddress
{
    public static WebApplication UseIssuerAddress(this WebApplication app)
    {
        var issuer = app.Services.GetRequiredService<IOptions<IdentityServiceOptions>>().Value.Issuer!;
        var host = new HostString(issuer.Authority);
        var pathBase = new PathString(issuer.AbsolutePath.TrimEnd('/'));
        app.Use((context, next) =>
        {
            context.Request.Scheme = issuer.Scheme;
            context.Request.Host = host;
            context.Request.PathBase = pathBase;
            return next(context);
        });
        return app;
    }
}
