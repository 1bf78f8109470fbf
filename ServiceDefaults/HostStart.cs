namespace Microsoft.Extensions.Hosting;

public static class HostStart
{
    /// <summary>
    /// Completes once the host has started (every hosted service's StartAsync done, migrations
    /// applied, Kestrel listening): background loops that read the database or call other services wait for it.
    /// </summary>
    public static async Task WaitForStartAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }
}
