using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace MassWork.Gateway.Discovery;

/// <summary>
/// Resolves YARP destinations written as service names ("http://personnel") through
/// Microsoft.Extensions.ServiceDiscovery: the AppHost's services__personnel__http__0 variables
/// locally, DNS names on Kubernetes. Re-resolves when discovery signals a change.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);

            var endpoints = source.Endpoints;
            for (var i = 0; i < endpoints.Count; i++)
            {
                var target = ToUri(endpoints[i].EndPoint, address);
                var key = endpoints.Count == 1 ? name : $"{name}[{i}]";
                resolved[key] = destination with { Address = target.ToString(), Host = destination.Host ?? address.Host };
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    /// <summary>Keeps the configured path; takes scheme, host and port from the resolved endpoint.</summary>
    internal static Uri ToUri(EndPoint endPoint, Uri configured)
    {
        var builder = endPoint switch
        {
            UriEndPoint uri => new UriBuilder(uri.Uri),
            IPEndPoint ip => new UriBuilder(configured.Scheme, ip.Address.ToString(), ip.Port),
            DnsEndPoint dns => new UriBuilder(configured.Scheme, dns.Host, dns.Port > 0 ? dns.Port : -1),
            _ => throw new InvalidOperationException($"Unsupported endpoint {endPoint} for {configured}."),
        };
        builder.Path = configured.AbsolutePath;
        return builder.Uri;
    }
}
