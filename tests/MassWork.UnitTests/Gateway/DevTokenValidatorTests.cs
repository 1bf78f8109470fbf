using MassWork.Gateway.DevTokens;

namespace MassWork.UnitTests.Gateway;

public sealed class DevTokenValidatorTests
{
    [Fact]
    public void A_development_token_needs_known_roles_and_a_region_prefix()
    {
        var errors = new DevTokenValidator().Validate(new DevTokenRequest(null, [Roles.Operator, "root"], "3607021")).ToErrors();

        Assert.Equal(["region", "roles"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([$"One or more of: {string.Join(", ", Roles.All)}."], errors["roles"]);
        Assert.True(new DevTokenValidator().Validate(new DevTokenRequest(null, [], "360702")).ToErrors().ContainsKey("roles"));
        Assert.True(new DevTokenValidator().Validate(new DevTokenRequest(null, null, "360702")).ToErrors().ContainsKey("roles"));
        Assert.True(new DevTokenValidator().Validate(new DevTokenRequest(null, [Roles.Operator], "360702")).IsValid);
    }

    [Fact]
    public void A_null_role_is_refused_by_its_index()
    {
        var errors = new DevTokenValidator().Validate(new DevTokenRequest(null, [Roles.Operator, null!], "360702")).ToErrors();

        Assert.Equal(["roles[1]"], errors.Keys);
        Assert.Equal(["Required: an element, not null."], errors["roles[1]"]);
    }
}
