using System.Runtime.InteropServices;

namespace MassWork.AppHost.Hosting;

/// <summary>
/// Runs the declared resources: each starts when what it waits for is healthy; Ctrl+C or SIGTERM
/// stops each after everything that waits for it, and every child's process group is removed.
/// </summary>
public sealed partial class DistributedApplication(AppHostContext context, IReadOnlyList<Resource> resources, int gatewayPort)
{
    public async Task<int> RunAsync()
    {
        using var shutdown = new CancellationTokenSource();
        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true;
            context.Log("apphost", $"{signal.Signal} received: stopping");
            shutdown.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        context.Log("apphost", $"data folder {context.DataDirectory}");
        var started = new List<Resource>();
        var runs = resources.Select(async r =>
        {
            await r.RunAsync(context, shutdown.Token);
            lock (started)
            {
                started.Add(r);
            }
        }).ToList();

        var exitCode = 0;
        try
        {
            await Task.WhenAll(runs);
            PrintReady();
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            context.Log("apphost", $"start-up failed: {ex.Message}");
            exitCode = 1;
        }

        // Resources still starting may finish or fail; either way, stop everything that has a process.
        await Task.WhenAll(runs).ContinueWith(_ => { }, TaskScheduler.Default);
        await StopAllAsync();
        context.Log("apphost", "stopped");
        return exitCode;
    }

    /// <summary>
    /// Each resource stops once everything that waits for it has stopped: the gateway first, then
    /// the services side by side (so a slow one costs its own grace period, not the sum of all),
    /// the servers they used last.
    /// </summary>
    private Task StopAllAsync()
    {
        var stops = new Dictionary<Resource, Task>();
        Task StopAfterDependents(Resource resource)
        {
            if (!stops.TryGetValue(resource, out var stop))
            {
                var dependents = resources.Where(r => r.WaitsFor.Contains(resource)).Select(StopAfterDependents).ToList();
                stops[resource] = stop = StopOneAsync(resource, dependents);
            }

            return stop;
        }

        return Task.WhenAll(resources.Select(StopAfterDependents).ToList());
    }

    private async Task StopOneAsync(Resource resource, List<Task> dependents)
    {
        await Task.WhenAll(dependents);
        try
        {
            await resource.StopAsync();
        }
        catch (Exception ex)
        {
            context.Log("apphost", $"stopping {resource.Name} failed: {ex.Message}");
        }
    }

    private void PrintReady()
    {
        var gateway = $"http://localhost:{gatewayPort}";
        context.Log("apphost", "MassWork is running.");
        context.Log("apphost", $"  Gateway:        {gateway}   (health: {gateway}/health)");
        context.Log("apphost", $"  API reference:  {gateway}/scalar");
        if (context.EnvironmentName == "Development")
        {
            context.Log("apphost", $"  Dev token:      curl -s -X POST {gateway}/dev/token -H 'Content-Type: application/json' -d '{{\"roles\":[\"town-staff\"],\"region\":\"360702\"}}'");
        }

        context.Log("apphost", "Press Ctrl+C to stop.");
    }
}
