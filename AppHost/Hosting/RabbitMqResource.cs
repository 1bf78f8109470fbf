namespace MassWork.AppHost.Hosting;

/// <summary>RabbitMQ: a local node, or the broker named by <c>ConnectionStrings:&lt;name&gt;</c>.</summary>
public sealed class RabbitMqResource(string name, string? existingConnectionString) : Resource(name), IResourceWithConnectionString
{
    private LocalRabbitMqServer? _server;

    public string ConnectionString { get; private set; } = existingConnectionString ?? "";

    protected override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        if (existingConnectionString is not null)
        {
            context.Log("apphost", $"{Name}: using the broker from ConnectionStrings:{Name}");
            return;
        }

        _server = new LocalRabbitMqServer(Path.Combine(context.DataDirectory, Name), context.Log);
        await _server.StartAsync(cancellationToken);
        ConnectionString = _server.ConnectionString;
    }

    public override async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }
}
