using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MassWork.Gateway.Security;

public static class TrustedProxyExtensions
{
    /// <summary>
    /// Forwarded headers are honoured only from <see cref="TrustedProxyOptions.Networks"/>; with no
    /// network configured, from nobody. ASPNETCORE_FORWARDEDHEADERS_ENABLED (which Aspire sets)
    /// would add the middleware once more, trusting every sender: that copy is taken out.
    /// </summary>
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        foreach (var filter in builder.Services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "ForwardedHeadersStartupFilter").ToList())
        {
            builder.Services.Remove(filter);
        }

        builder.Services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            var networks = trusted.Value.Parsed().ToList();
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            networks.ForEach(forwarded.KnownIPNetworks.Add);
            forwarded.ForwardedHeaders = networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so the rate limits and HSTS see the client's address and scheme.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
