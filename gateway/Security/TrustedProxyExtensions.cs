using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MassWork.Gateway.Security;

public static class TrustedProxyExtensions
{
    /// <summary>
    /// Forwarded headers are honoured only from <see cref="TrustedProxyOptions.Networks"/>. Aspire
    /// and ASPNETCORE_FORWARDEDHEADERS_ENABLED turn the forwarded-headers middleware on trusting
    /// every sender; this narrows whom it trusts, and with no network configured it reads nothing.
    /// </summary>
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
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
}
