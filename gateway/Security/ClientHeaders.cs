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

    public static bool AssertsIdentity(string name)
    {
        // Loops, not LINQ: this runs for every header of every request.
        foreach (var n in Names)
        {
            if (name.Equals(n, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static WebApplication UseClientHeaderStripping(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            List<string>? asserting = null;
            foreach (var header in headers)
            {
                if (AssertsIdentity(header.Key))
                {
                    (asserting ??= []).Add(header.Key);
                }
            }

            foreach (var name in asserting ?? [])
            {
                headers.Remove(name);
            }

            return next(context);
        });
        return app;
    }
}
