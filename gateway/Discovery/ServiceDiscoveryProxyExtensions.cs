using Yarp.ReverseProxy.ServiceDiscovery;

namespace MassWork.Gateway.Discovery;

public static class ServiceDiscoveryProxyExtensions
{
    public static IReverseProxyBuilder AddServiceDiscoveryDestinationResolver(this IReverseProxyBuilder builder)
    {
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        return builder;
    }
}
