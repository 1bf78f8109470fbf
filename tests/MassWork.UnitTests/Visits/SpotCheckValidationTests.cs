using MassWork.ServiceDefaults.Errors;
using MassWork.Visits.SpotChecks;

namespace MassWork.UnitTests.Visits;

public sealed class SpotCheckValidationTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly Caller County = new("county-leader", new HashSet<string> { Roles.Leader }, "360702");

    private static SpotCheckRequest Request(string? region = "360702003", string? from = "2026-11-01", string? to = "2026-11-30", int? size = 20, long? seed = 7) =>
        new(region, from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), size, seed);

    [Fact]
    public void A_draw_in_the_callers_region_keeps_its_seed_or_gets_a_fresh_one()
    {
        Assert.Equal(new CheckedDraw("360702003", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 20, 7), SpotCheckValidation.Check(Request(), County, Today));
        var own = SpotCheckValidation.Check(Request(region: null, seed: null), County, Today);
        Assert.Equal("360702", own.RegionPrefix);
        Assert.InRange(own.Seed, 0, SpotCheckSample.MaxSeed);
    }

    [Theory]
    [InlineData("36070", "2026-11-01", "2026-11-30", 20, 7L, "region")]
    [InlineData("360702003", null, "2026-11-30", 20, 7L, "from")]
    [InlineData("360702003", "2026-11-01", null, 20, 7L, "to")]
    [InlineData("360702003", "2026-11-30", "2026-11-01", 20, 7L, "to")]
    [InlineData("360702003", "2026-11-01", "2026-12-03", 20, 7L, "to")]
    [InlineData("360702003", "2025-11-01", "2026-11-30", 20, 7L, "from")]
    [InlineData("360702003", "2026-11-01", "2026-11-30", 0, 7L, "sampleSize")]
    [InlineData("360702003", "2026-11-01", "2026-11-30", 201, 7L, "sampleSize")]
    [InlineData("360702003", "2026-11-01", "2026-11-30", 20, -1L, "seed")]
    [InlineData("360702003", "2026-11-01", "2026-11-30", 20, 9007199254740992L, "seed")]
    public void Bad_input_is_refused_naming_the_field(string region, string? from, string? to, int size, long seed, string field)
    {
        var refused = Assert.ThrowsAny<DomainException>(() => SpotCheckValidation.Check(Request(region, from, to, size, seed), County, Today));
        Assert.Equal((DomainProblem.Invalid, field), (refused.Problem, refused.Field));
    }

    [Fact]
    public void A_region_outside_the_callers_is_forbidden()
    {
        Assert.Equal(DomainProblem.Forbidden, Assert.ThrowsAny<DomainException>(() => SpotCheckValidation.Check(Request(region: "360703"), County, Today)).Problem);
    }
}
