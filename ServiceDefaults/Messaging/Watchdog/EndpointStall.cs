namespace MassWork.ServiceDefaults.Messaging.Watchdog;

/// <summary>
/// Whether the service's consumers have stalled: endpoints not ready for <c>grace</c> on end while
/// the broker answers. A broker that is away stalls nobody (the endpoints wait for it and reconnect
/// on their own), so the grace is counted only from the moment the broker answers again.
/// </summary>
public sealed class EndpointStall(TimeSpan grace)
{
    /// <summary>How a stalled process exits: EX_SOFTWARE, not a clean stop, so its supervisor starts it again.</summary>
    public const int ExitCode = 70;

    private DateTimeOffset? _since;

    /// <summary>Records one look; true once the endpoints have been down, with the broker up, for the whole grace.</summary>
    public bool Observe(bool endpointsReady, bool brokerAnswers, DateTimeOffset now)
    {
        if (endpointsReady || !brokerAnswers)
        {
            _since = null;
            return false;
        }

        _since ??= now;
        return now - _since.Value >= grace;
    }
}
