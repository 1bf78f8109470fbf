using MassWork.ServiceDefaults.Data;
using Microsoft.Extensions.Time.Testing;

namespace MassWork.UnitTests;

public sealed class LeaseRenewalTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_lease_is_renewed_each_interval_through_a_failure_until_the_work_ends()
    {
        var time = new CountingClock();
        using var work = new CancellationTokenSource();
        var renewals = 0;
        var failures = new List<Exception>();
        var keeping = LeaseRenewal.KeepAsync(Interval, time, () =>
        {
            renewals++;
            return renewals == 2 ? throw new TimeoutException("database away") : Task.FromResult(true);
        }, failures.Add, work.Token);

        for (var i = 1; i <= 3; i++)
        {
            await time.WaitForTimersAsync(i);
            time.Advance(Interval);
        }

        await time.WaitForTimersAsync(4);
        Assert.Equal(3, renewals);
        Assert.IsType<TimeoutException>(Assert.Single(failures));

        await work.CancelAsync();
        Assert.True(await keeping);
        Assert.Equal(3, renewals);
    }

    [Fact]
    public async Task A_lease_taken_by_another_replica_ends_the_loop_and_says_so()
    {
        var time = new CountingClock();
        var keeping = LeaseRenewal.KeepAsync(Interval, time, () => Task.FromResult(false), _ => { }, CancellationToken.None);

        await time.WaitForTimersAsync(1);
        time.Advance(Interval);

        Assert.False(await keeping.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A fake clock that counts the delays started on it, so a test moves it only once the loop waits.</summary>
    private sealed class CountingClock : FakeTimeProvider
    {
        private int timers;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }

        public async Task WaitForTimersAsync(int count)
        {
            for (var waited = 0; Volatile.Read(ref timers) < count; waited += 5)
            {
                Assert.True(waited < 10_000, $"The loop did not start delay {count}.");
                await Task.Delay(5);
            }
        }
    }
}
