using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MassWork.UnitTests;

public sealed class CallerTests
{
    [Theory]
    [InlineData("3607", "360702001201", true)]
    [InlineData("360702", "360702001201", true)]
    [InlineData("360702", "360703001201", false)]
    [InlineData("360702001", "360702002201", false)]
    public void A_caller_covers_codes_under_its_region(string region, string code, bool covered)
    {
        var caller = new Caller("u", new HashSet<string>(), region);

        Assert.Equal(covered, caller.Covers(code));
    }

    [Theory]
    [InlineData("36", true)]
    [InlineData("3607", true)]
    [InlineData("360702", true)]
    [InlineData("360702001", true)]
    [InlineData("360702001201", true)]
    [InlineData("", false)]
    [InlineData("3", false)]
    [InlineData("36070", false)]
    [InlineData("3607020012", false)]
    [InlineData("36070a", false)]
    [InlineData(null, false)]
    public void Region_prefixes_stop_at_a_level_boundary(string? prefix, bool valid)
    {
        Assert.Equal(valid, RegionPrefixes.IsValid(prefix));
    }

    [Theory]
    [InlineData("360702001201", "360702001201")]
    [InlineData("360702001000", "360702001")]
    [InlineData("360702000000", "360702")]
    [InlineData("360700000000", "3607")]
    [InlineData("360000000000", "36")]
    [InlineData("360702001", "360702001")]
    public void A_code_stands_for_the_prefix_of_its_level(string code, string prefix)
    {
        Assert.Equal(prefix, RegionPrefixes.Of(code));
    }

    [Fact]
    public void A_principal_without_a_region_is_no_caller()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(MassWorkClaims.UserId, "u")], "test"));

        Assert.Null(Caller.FromPrincipal(principal));
    }

    [Fact]
    public void An_issued_token_carries_user_roles_region_and_expiry_from_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        var options = new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) };

        var token = new JsonWebToken(new DevTokenIssuer(options, clock).Issue("staff-1", [Roles.TownStaff, Roles.Leader], "360702", TimeSpan.FromHours(1)));

        Assert.Equal("staff-1", token.Subject);
        Assert.Equal("360702", token.GetClaim(MassWorkClaims.Region).Value);
        Assert.Equal([Roles.TownStaff, Roles.Leader], token.Claims.Where(c => c.Type == MassWorkClaims.Role).Select(c => c.Value));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddHours(1), token.ValidTo);
    }

    [Fact]
    public void A_token_for_a_malformed_region_is_refused()
    {
        var options = new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) };

        Assert.Throws<ArgumentException>(() => new DevTokenIssuer(options, TimeProvider.System).Issue("u", [Roles.Operator], "36070"));
    }
}
