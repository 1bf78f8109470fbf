namespace MassWork.Gateway.Security;

/// <summary>
/// Services know the caller only from the bearer token. Headers through which proxies and
/// frameworks commonly assert a user or a client address (X-Forwarded-User, X-Remote-User,
/// X-Real-IP, Forwarded, …) are dropped from every request at the gateway, so that no service,
/// present or future, can be told who is calling by a client that sets them. YARP then adds its
/// own X-Forwarded-For/-Proto/-Host from the connection (or a trusted proxy's word).
/// </summary>
public static class ClientHeaders
{
    private static readonly string[] Prefixes = ["X-Forwarded-", "X-Original-", "X-Remote-", "X-User", "X-Auth", "X-MS-CLIENT-PRINCIPAL", "X-Real-IP", "X-Client-IP"];
    private static readonly string[] Names = ["Forwarded", "Remote-User", "Remote-Addr", "True-Client-IP", "CF-Connecting-IP"];

    public static bool AssertsIdentity(string name) =>
        Names.Any(n => name.Equals(n, StringComparison.OrdinalIgnoreCase))
        || Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public static WebApplication UseClientHeaderStripping(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            foreach (var name in headers.Keys.Where(AssertsIdentity).ToList())
            {
                headers.Remove(name);
            }

            return next(context);
        });
        return app;
    }
}
