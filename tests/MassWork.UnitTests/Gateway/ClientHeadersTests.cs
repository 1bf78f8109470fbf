using MassWork.Gateway.Security;

namespace MassWork.UnitTests.Gateway;

public sealed class ClientHeadersTests
{
    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("x-forwarded-user")]
    [InlineData("X-Forwarded-Host")]
    [InlineData("X-Original-For")]
    [InlineData("X-Remote-User")]
    [InlineData("X-User-Id")]
    [InlineData("X-Auth-Request-User")]
    [InlineData("X-MS-CLIENT-PRINCIPAL-NAME")]
    [InlineData("X-Real-IP")]
    [InlineData("Forwarded")]
    [InlineData("Remote-User")]
    public void Headers_that_assert_a_caller_or_address_are_dropped(string name)
    {
        Assert.True(ClientHeaders.AssertsIdentity(name));
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("Idempotency-Key")]
    [InlineData("If-Match")]
    [InlineData("traceparent")]
    [InlineData("Content-Type")]
    [InlineData("Accept-Language")]
    public void Headers_services_need_pass(string name)
    {
        Assert.False(ClientHeaders.AssertsIdentity(name));
    }
}
