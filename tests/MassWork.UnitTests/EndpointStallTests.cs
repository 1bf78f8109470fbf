using MassWork.ServiceDefaults.Messaging.Watchdog;

namespace MassWork.UnitTests;

/// <summary>When the consumer watchdog gives up on a process: endpoints down for the whole grace while the broker answers.</summary>
public sealed class EndpointStallTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    [Fact]
    public void Endpoints_down_with_the_broker_up_for_the_whole_grace_is_a_stall()
    {
        var stall = new EndpointStall(Grace);
        Assert.False(stall.Observe(endpointsReady: false, brokerAnswers: true, Start));
        Assert.False(stall.Observe(false, true, Start.AddSeconds(59)));
        Assert.True(stall.Observe(false, true, Start.AddSeconds(60)));
    }

    [Fact]
    public void A_broker_outage_stalls_nobody_and_the_grace_starts_when_it_answers_again()
    {
        var stall = new EndpointStall(Grace);
        Assert.False(stall.Observe(false, brokerAnswers: false, Start));
        Assert.False(stall.Observe(false, brokerAnswers: false, Start.AddMinutes(10)));
        Assert.False(stall.Observe(false, brokerAnswers: true, Start.AddMinutes(11)));
        Assert.False(stall.Observe(false, true, Start.AddMinutes(11).AddSeconds(59)));
        Assert.True(stall.Observe(false, true, Start.AddMinutes(12)));
    }

    [Fact]
    public void Endpoints_that_recover_within_the_grace_start_it_over()
    {
        var stall = new EndpointStall(Grace);
        Assert.False(stall.Observe(false, true, Start));
        Assert.False(stall.Observe(endpointsReady: true, brokerAnswers: true, Start.AddSeconds(50)));
        Assert.False(stall.Observe(false, true, Start.AddSeconds(55)));
        Assert.False(stall.Observe(false, true, Start.AddSeconds(110)));
        Assert.True(stall.Observe(false, true, Start.AddSeconds(115)));
    }

    [Fact]
    public void A_broker_lost_again_during_the_grace_starts_it_over()
    {
        var stall = new EndpointStall(Grace);
        Assert.False(stall.Observe(false, true, Start));
        Assert.False(stall.Observe(false, brokerAnswers: false, Start.AddSeconds(30)));
        Assert.False(stall.Observe(false, true, Start.AddSeconds(40)));
        Assert.False(stall.Observe(false, true, Start.AddSeconds(90)));
        Assert.True(stall.Observe(false, true, Start.AddSeconds(100)));
    }
}
