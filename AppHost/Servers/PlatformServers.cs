using Microsoft.Extensions.Configuration;

namespace MassWork.AppHost.Servers;

/// <summary>The PostgreSQL server the services share: something to wait for, and a database per service.</summary>
public sealed record PostgresServer(IResourceBuilder<IResourceWithConnectionString> Server, Func<string, IResourceBuilder<IResourceWithConnectionString>> AddDatabase);

/// <summary>
/// Where PostgreSQL and RabbitMQ come from. Given <c>ConnectionStrings:&lt;name&gt;</c>, the
/// existing server. Otherwise, when publishing or when a Docker engine answers, Aspire's own
/// container integrations (data in named volumes); else local processes from the machine's
/// packages, data under the AppHost's data folder. <c>AppHost:Servers=Local</c> forces processes.
/// </summary>
public static class PlatformServers
{
    public static PostgresServer AddPlatformPostgres(this IDistributedApplicationBuilder builder, string name, string dataFolder)
    {
        if (builder.Configuration.GetConnectionString(name) is not null)
        {
            var existing = builder.AddConnectionString(name);
            return new PostgresServer(As(builder, existing.Resource),
                database => As(builder, builder.AddConnectionString(database, ReferenceExpression.Create($"{existing.Resource};Database={database}")).Resource));
        }

        if (UseContainers(builder))
        {
            var container = builder.AddPostgres(name).WithDataVolume();
            return new PostgresServer(As(builder, container.Resource), database => As(builder, container.AddDatabase(database).Resource));
        }

        var local = builder.AddLocalPostgres(name, Path.Combine(dataFolder, name));
        return new PostgresServer(As(builder, local.Resource), database => As(builder, local.AddDatabase(database).Resource));
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformRabbitMQ(this IDistributedApplicationBuilder builder, string name, string dataFolder)
    {
        if (builder.Configuration.GetConnectionString(name) is not null)
        {
            return As(builder, builder.AddConnectionString(name).Resource);
        }

        return UseContainers(builder)
            ? As(builder, builder.AddRabbitMQ(name).WithDataVolume().Resource)
            : As(builder, builder.AddLocalRabbitMQ(name, Path.Combine(dataFolder, name)).Resource);
    }

    private static bool UseContainers(IDistributedApplicationBuilder builder) =>
        builder.ExecutionContext.IsPublishMode || (builder.Configuration["AppHost:Servers"] != "Local" && DockerEngine.Answers());

    private static IResourceBuilder<IResourceWithConnectionString> As(IDistributedApplicationBuilder builder, IResourceWithConnectionString resource) =>
        builder.CreateResourceBuilder(resource);
}
