namespace MassWork.AppHost.Hosting;

/// <summary>
/// A .NET project of the repository, run from its build output with Aspire's environment
/// conventions, probed on /health, and restarted with back-off whenever it exits on its own.
/// </summary>
public sealed class ProjectResource(string name, string projectPath, int? port) : Resource(name), IResourceWithHttpEndpoint
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly List<IResourceWithConnectionString> _connectionStrings = [];
    private readonly List<IResourceWithHttpEndpoint> _services = [];
    private readonly Dictionary<string, string?> _environment = [];
    private readonly CancellationTokenSource _stopping = new();
    private ChildProcess? _process;
    private Task? _supervisor;

    public int Port { get; } = port ?? FreePort.Next();

    public Uri HttpEndpoint => new($"http://127.0.0.1:{Port}");

    public ProjectResource WithReference(IResourceWithConnectionString resource)
    {
        _connectionStrings.Add(resource);
        return this;
    }

    public ProjectResource WithReference(IResourceWithHttpEndpoint resource)
    {
        _services.Add(resource);
        return this;
    }

    public ProjectResource WithEnvironment(string key, string? value)
    {
        _environment[key] = value;
        return this;
    }

    protected override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        var assembly = Path.Combine(context.RepositoryRoot, Path.GetDirectoryName(projectPath)!, "bin", context.Configuration, "net10.0",
            Path.GetFileNameWithoutExtension(projectPath) + ".dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{Name}: {assembly} is missing; build the solution first (dotnet run --project AppHost builds it).");
        }

        var environment = BuildEnvironment(context);
        _process = Launch(context, assembly, environment);
        await WaitHealthyAsync(cancellationToken);
        _supervisor = SuperviseAsync(context, assembly, environment);
    }

    public override async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_process is not null)
        {
            await _process.StopAsync(Posix.SIGTERM, TimeSpan.FromSeconds(15));
        }

        if (_supervisor is not null)
        {
            await _supervisor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Dictionary<string, string?> BuildEnvironment(AppHostContext context)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = HttpEndpoint.ToString(),
            ["ASPNETCORE_ENVIRONMENT"] = context.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = context.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = Name,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var resource in _connectionStrings)
        {
            environment[$"ConnectionStrings__{resource.Name}"] = resource.ConnectionString;
        }

        foreach (var service in _services)
        {
            environment[$"services__{service.Name}__http__0"] = service.HttpEndpoint.ToString().TrimEnd('/');
        }

        foreach (var (key, value) in _environment)
        {
            environment[key] = value;
        }

        return environment;
    }

    private ChildProcess Launch(AppHostContext context, string assembly, Dictionary<string, string?> environment) =>
        ChildProcess.Start(Name, "dotnet", [assembly], Path.GetDirectoryName(assembly)!, environment, runAsUser: null, context.Log);

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} while starting; see its log above.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(HttpEndpoint, "/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not healthy within {StartTimeout.TotalSeconds} s.");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task SuperviseAsync(AppHostContext context, string assembly, Dictionary<string, string?> environment)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            await _process!.WaitForExitAsync();
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            context.Log("apphost", $"{Name} exited with code {_process.ExitCode}; restarting in {backoff.TotalSeconds:0} s");
            await _process.StopAsync(Posix.SIGKILL, TimeSpan.Zero);
            try
            {
                await Task.Delay(backoff, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, 30));
            _process = Launch(context, assembly, environment);
        }
    }
}
