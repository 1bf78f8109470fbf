using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>Waiting for a started AppHost: healthy, or a failure that names what broke and shows its log.</summary>
public static class PlatformStart
{
    public static async Task WaitHealthyAsync(DistributedApplication app, string resource, TimeSpan timeout)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        cancel.CancelAfter(timeout);
        try
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            var why = stopping.IsCancellationRequested ? "the AppHost stopped (a dependency failed)" : $"not healthy within {timeout.TotalSeconds:0} s";
            throw new InvalidOperationException($"{resource}: {why}.\n{await UnhealthyLogsAsync(app)}");
        }
    }

    /// <summary>The state and last log lines of every resource that is not running healthy.</summary>
    private static async Task<string> UnhealthyLogsAsync(DistributedApplication app)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var report = new List<string>();
        foreach (var resource in model.Resources.Where(r => r is ProjectResource or ExecutableResource))
        {
            app.ResourceNotifications.TryGetCurrentState(resource.Name, out var e);
            if (e?.Snapshot is { State.Text: "Running", HealthStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy })
            {
                continue;
            }

            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await foreach (var batch in logs.GetAllAsync(resource).WithCancellation(timeout.Token))
                {
                    lines.AddRange(batch.Select(l => l.Content));
                }
            }
            catch (OperationCanceledException)
            {
            }

            report.Add($"--- {resource.Name}: {e?.Snapshot.State?.Text} {e?.Snapshot.HealthStatus}\n{string.Join('\n', lines.TakeLast(30))}");
        }

        return string.Join('\n', report);
    }
}
