using System.Net;
using System.Security.Claims;
using MassWork.Gateway.RateLimits;
using MassWork.Gateway.Security;
using Microsoft.AspNetCore.Http;

namespace MassWork.UnitTests.Gateway;

public sealed class RateLimitPartitionTests
{
    private static readonly RateLimitOptions Options = new();

    [Theory]
    [InlineData("/api/personnel/households", "address|10.1.2.3")]
    [InlineData("/connect/token", "sign-in|10.1.2.3")]
    [InlineData("/account/activate", "sign-in|10.1.2.3")]
    [InlineData("/connection", "address|10.1.2.3")]
    [InlineData("/api/petitions/public/codes", "public-query|10.1.2.3")]
    [InlineData("/api/petitions/cases", "address|10.1.2.3")]
    [InlineData("/health", "probe")]
    [InlineData("/alive", "probe")]
    public void Each_request_draws_on_its_addresses_budget_sign_in_apart(string path, string partition)
    {
        Assert.Equal(partition, RateLimitPartitions.ByAddress(Request(path), Options).PartitionKey);
    }

    [Fact]
    public void A_signed_in_request_also_draws_on_its_users_budget()
    {
        var request = Request("/api/visits/visits");
        Assert.Equal("anonymous", RateLimitPartitions.ByUser(request, Options).PartitionKey);

        request.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u-1")], "test"));
        Assert.Equal("user|u-1", RateLimitPartitions.ByUser(request, Options).PartitionKey);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("10.0.0.0/8, fd00::/8", true)]
    [InlineData("10.0.0.0/8,ingress", false)]
    [InlineData("10.0.0.0/33", false)]
    public void Trusted_proxies_must_be_networks(string networks, bool valid)
    {
        var options = new TrustedProxyOptions { Networks = networks };

        Assert.Equal(valid, !options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Any());
    }

    private static DefaultHttpContext Request(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        return context;
    }
}
