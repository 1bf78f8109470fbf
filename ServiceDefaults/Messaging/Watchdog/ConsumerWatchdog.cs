using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MassWork.ServiceDefaults.Messaging.Watchdog;

/// <summary>
/// Exits the process when receive endpoints stay down although the broker answers
/// (<see cref="EndpointStall"/>). MassTransit reconnects its endpoints after a broker restart, but
/// an endpoint whose connection broke while it held unacknowledged messages can fail to come back
/// and then never consumes again, silently: its queue just grows. A fresh process is the cure the
/// supervisor already applies (the AppHost's restarter, Kubernetes' restart policy): the messages
/// the stalled endpoint held go back to the queue with its connection, and the inbox keeps any it
/// had already handled from taking effect twice. A liveness probe cannot do this job: it would
/// restart every replica during a broker outage, when waiting is right.
/// </summary>
internal sealed partial class ConsumerWatchdog(
    IBusControl bus,
    BrokerProbe broker,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    IOptions<WatchdogOptions> options,
    ILogger<ConsumerWatchdog> logger) : PeriodicWork(time, logger)
{
    private readonly EndpointStall _stall = new(options.Value.Grace);

    protected override TimeSpan Interval => options.Value.Interval;

    protected override string WorkName => "Consumer watchdog";

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var health = bus.CheckHealth();
        var ready = health.Status == BusHealthStatus.Healthy;
        // Asked only when something is down: a healthy service opens no extra connections.
        var answers = !ready && await broker.AnswersAsync(cancellationToken);
        if (!_stall.Observe(ready, answers, Time.GetUtcNow()))
        {
            return;
        }

        var down = health.Endpoints.Where(e => e.Value.Status != BusHealthStatus.Healthy).Select(e => e.Key).Order(StringComparer.Ordinal);
        LogStalled(Logger, options.Value.Grace.TotalSeconds, string.Join(", ", down), health.Description);
        Environment.ExitCode = EndpointStall.ExitCode;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Receive endpoints have not recovered for {Seconds} s although the broker answers ({Endpoints}: {Description}); exiting so the supervisor starts a fresh process")]
    private static partial void LogStalled(ILogger logger, double seconds, string endpoints, string description);
}
