using MassWork.ServiceDefaults.Clock;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.UnitTests;

public sealed class ClockTests
{
    private static WebApplicationBuilder Builder(string environment, string? offset)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]);
        if (offset is not null)
        {
            builder.Configuration[ClockExtensions.OffsetKey] = offset;
        }

        return builder;
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_shifted_clock_is_refused_at_start_up_outside_Development(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder(environment, "-30.00:00:00").AddServiceDefaults());

        Assert.Contains("Clock:Offset", error.Message);
    }

    [Fact]
    public void Without_the_setting_every_process_reads_the_system_clock()
    {
        using var app = Builder("Production", null).AddServiceDefaults().Build();

        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void In_Development_the_offset_shifts_the_clock_every_service_reads()
    {
        using var app = Builder("Development", "-173.05:00:00").AddServiceDefaults().Build();

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        Assert.InRange(DateTimeOffset.UtcNow - TimeSpan.FromDays(173).Add(TimeSpan.FromHours(5)) - now, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_malformed_offset_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder("Development", "tomorrow").AddServiceDefaults());

        Assert.Contains("Clock:Offset", error.Message);
    }

    [Fact]
    public void A_clock_started_at_an_instant_reads_it_and_then_flows()
    {
        var start = new DateTimeOffset(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));

        var clock = ShiftedClock.StartingAt(start);

        Assert.InRange(clock.GetUtcNow() - start, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(-60, true)]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public void A_token_is_valid_until_its_expiry_plus_the_skew(int secondsPastExpiry, bool valid)
    {
        var expires = new DateTime(2026, 6, 10, 2, 0, 0, DateTimeKind.Utc);
        var now = new DateTimeOffset(expires).AddSeconds(secondsPastExpiry);

        Assert.Equal(valid, TokenLifetime.IsValid(expires.AddHours(-8), expires, now, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_token_not_yet_valid_or_without_expiry_is_refused()
    {
        var notBefore = new DateTime(2026, 6, 10, 2, 0, 0, DateTimeKind.Utc);

        Assert.False(TokenLifetime.IsValid(notBefore, notBefore.AddHours(8), new DateTimeOffset(notBefore).AddMinutes(-1), TimeSpan.FromSeconds(30)));
        Assert.False(TokenLifetime.IsValid(notBefore, null, new DateTimeOffset(notBefore), TimeSpan.FromSeconds(30)));
    }
}
