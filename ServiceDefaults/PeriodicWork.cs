using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassWork.ServiceDefaults;

/// <summary>
/// A background loop: one round of work, then a wait of <see cref="Interval"/> on the service's
/// clock, again and again until the service stops. A round that fails is logged and the loop goes
/// on; only the service stopping ends it (a timeout inside a round is a failure like any other).
/// </summary>
public abstract partial class PeriodicWork(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    /// <summary>The wait after each round, read anew each time.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the loop does, for its log ("Deadline sweep").</summary>
    protected abstract string WorkName { get; }

    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, e, WorkName, Interval);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; it runs again in {Interval}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string work, TimeSpan interval);
}
