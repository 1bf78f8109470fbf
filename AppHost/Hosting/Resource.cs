namespace MassWork.AppHost.Hosting;

/// <summary>Something the AppHost runs or points at; it starts once everything it waits for is healthy.</summary>
public abstract class Resource(string name)
{
    private readonly TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public List<Resource> WaitsFor { get; } = [];

    public Task Healthy => _healthy.Task;

    internal async Task RunAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(WaitsFor.Select(r => r.Healthy)).WaitAsync(cancellationToken);
            await StartAsync(context, cancellationToken);
            _healthy.TrySetResult();
            context.Log("apphost", $"{Name} is healthy");
        }
        catch (Exception ex)
        {
            _healthy.TrySetException(ex);
            throw;
        }
    }

    /// <summary>Starts the resource and returns once it is healthy.</summary>
    protected abstract Task StartAsync(AppHostContext context, CancellationToken cancellationToken);

    public virtual Task StopAsync() => Task.CompletedTask;
}

/// <summary>A resource other processes reach through <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }
}

/// <summary>A resource other processes reach through <c>services__&lt;name&gt;__http__0</c>.</summary>
public interface IResourceWithHttpEndpoint
{
    string Name { get; }

    Uri HttpEndpoint { get; }
}
