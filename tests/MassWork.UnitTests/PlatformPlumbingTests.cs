using System.Net;
using MassWork.Gateway.Discovery;
using MassWork.ServiceDefaults.Data;
using Microsoft.Extensions.ServiceDiscovery;

namespace MassWork.UnitTests;

public sealed class PlatformPlumbingTests
{
    [Theory]
    [InlineData("HouseholdNumber", "household_number")]
    [InlineData("OutboxMessages", "outbox_messages")]
    [InlineData("IXHouseholdId", "ix_household_id")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("Id", "id")]
    public void Names_become_snake_case(string name, string expected)
    {
        Assert.Equal(expected, SnakeCaseNames.ToSnakeCase(name));
    }

    [Fact]
    public void A_resolved_ip_endpoint_keeps_the_configured_scheme_and_path()
    {
        var uri = ServiceDiscoveryDestinationResolver.ToUri(new IPEndPoint(IPAddress.Loopback, 5123), new Uri("http://personnel/base"));

        Assert.Equal(new Uri("http://127.0.0.1:5123/base"), uri);
    }

    [Fact]
    public void A_resolved_dns_endpoint_becomes_a_host_name()
    {
        var uri = ServiceDiscoveryDestinationResolver.ToUri(new DnsEndPoint("personnel.masswork.svc.cluster.local", 8080), new Uri("http://personnel"));

        Assert.Equal(new Uri("http://personnel.masswork.svc.cluster.local:8080/"), uri);
    }

    [Fact]
    public void A_resolved_uri_endpoint_is_taken_as_it_is()
    {
        var uri = ServiceDiscoveryDestinationResolver.ToUri(new UriEndPoint(new Uri("https://10.0.0.5:9443")), new Uri("http://personnel"));

        Assert.Equal(new Uri("https://10.0.0.5:9443/"), uri);
    }
}
