using System.ComponentModel.DataAnnotations;

namespace MassWork.ServiceDefaults.Messaging.Watchdog;

/// <summary>
/// How <see cref="ConsumerWatchdog"/> watches the service's receive endpoints (section
/// <c>Messaging:Watchdog</c>): every <see cref="Interval"/>, and how long endpoints may stay down
/// while the broker answers before the process gives up on them and exits.
/// </summary>
public sealed class WatchdogOptions
{
    public const string Section = "Messaging:Watchdog";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Long enough for MassTransit's own reconnects after a broker restart (seconds), short beside an outage's cost.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(60);
}
