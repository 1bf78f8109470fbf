using MassWork.Console.SignIn;

namespace MassWork.UnitTests.Console;

public sealed class TokenLifetimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(-10, 10, true)]
    [InlineData(-10, -4, true)] // expired 4 minutes ago: within the skew
    [InlineData(-10, -6, false)]
    [InlineData(4, 20, true)] // valid in 4 minutes: within the skew
    [InlineData(6, 20, false)]
    public void An_identity_token_is_judged_on_the_platform_clock_with_the_allowed_skew(int notBeforeMinutes, int expiresMinutes, bool valid) =>
        Assert.Equal(valid, TokenLifetimes.Valid(Now.AddMinutes(notBeforeMinutes).UtcDateTime, Now.AddMinutes(expiresMinutes).UtcDateTime, Skew, Now));

    [Fact]
    public void A_token_without_expiry_is_refused() =>
        Assert.False(TokenLifetimes.Valid(null, null, Skew, Now));
}
