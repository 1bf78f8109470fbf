using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Hosting;

/// <summary>
/// Declares what the AppHost runs, after Aspire's builder. Settings come from the command line
/// (--Key=value) or the environment (Key__Sub=value):
/// AppHost:DataDir, AppHost:Environment, Gateway:Port, Auth:SigningKey,
/// PersonalData:EncryptionKey and PersonalData:HashKey, Demo:Enabled,
/// ConnectionStrings:postgres and ConnectionStrings:messaging (use existing servers).
/// </summary>
public sealed class DistributedApplicationBuilder
{
    public const int DefaultGatewayPort = 5080;
    private readonly List<Resource> _resources = [];

    private DistributedApplicationBuilder(string[] args)
    {
        Configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var assembly = typeof(DistributedApplicationBuilder).Assembly;
        RepositoryRoot = Configuration["AppHost:RepositoryRoot"] ?? Metadata(assembly, "RepositoryRoot");
        var configuration = Configuration["AppHost:Configuration"] ?? Metadata(assembly, "Configuration");
        var dataDirectory = Path.GetFullPath(Configuration["AppHost:DataDir"] ?? Path.Combine(RepositoryRoot, ".apphost"));
        Context = new AppHostContext(RepositoryRoot, dataDirectory, configuration, Configuration["AppHost:Environment"] ?? "Development");

        GatewayPort = int.TryParse(Configuration["Gateway:Port"], out var port) ? port : DefaultGatewayPort;
        // A fresh key per run unless one is given (tests give one so they can mint tokens).
        SigningKey = Configuration["Auth:SigningKey"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        PersonalData = PersonalDataKeys.Resolve(Configuration, dataDirectory);
    }

    public IConfiguration Configuration { get; }

    public string RepositoryRoot { get; }

    public AppHostContext Context { get; }

    public int GatewayPort { get; }

    public string SigningKey { get; }

    public PersonalDataKeys PersonalData { get; }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    public PostgresResource AddPostgres(string name) =>
        Add(new PostgresResource(name, Configuration.GetConnectionString(name)));

    public RabbitMqResource AddRabbitMQ(string name) =>
        Add(new RabbitMqResource(name, Configuration.GetConnectionString(name)));

    /// <summary>A project by its path from the repository root; every project gets the token signing key and personal data keys.</summary>
    public ProjectResource AddProject(string name, string projectPath, int? port = null) =>
        Add(new ProjectResource(name, projectPath, port))
            .WithEnvironment("Auth__SigningKey", SigningKey)
            .WithEnvironment("PersonalData__EncryptionKey", PersonalData.EncryptionKey)
            .WithEnvironment("PersonalData__HashKey", PersonalData.HashKey);

    public T Add<T>(T resource) where T : Resource
    {
        _resources.Add(resource);
        return resource;
    }

    public DistributedApplication Build() => new(Context, _resources.ToList(), GatewayPort);

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

public static class ResourceBuilderExtensions
{
    /// <summary>Start <paramref name="resource"/> only once <paramref name="dependency"/> is healthy.</summary>
    public static T WaitFor<T>(this T resource, Resource dependency) where T : Resource
    {
        resource.WaitsFor.Add(dependency);
        return resource;
    }
}
