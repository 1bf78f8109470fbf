using Npgsql;

namespace MassWork.AppHost.Hosting;

/// <summary>
/// PostgreSQL: a local server process, or the server named by <c>ConnectionStrings:postgres</c>.
/// </summary>
public sealed class PostgresResource(string name, string? existingConnectionString) : Resource(name)
{
    private LocalPostgresServer? _server;

    public string ServerConnectionString { get; private set; } = existingConnectionString ?? "";

    public DatabaseResource AddDatabase(string databaseName, DistributedApplicationBuilder builder) =>
        builder.Add(new DatabaseResource(databaseName, this)).WaitFor(this);

    protected override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        if (existingConnectionString is not null)
        {
            context.Log("apphost", $"{Name}: using the server from ConnectionStrings:{Name}");
            await using var connection = new NpgsqlConnection(existingConnectionString);
            await connection.OpenAsync(cancellationToken);
            return;
        }

        _server = new LocalPostgresServer(Path.Combine(context.DataDirectory, Name), context.Log);
        await _server.StartAsync(cancellationToken);
        ServerConnectionString = _server.ConnectionString();
    }

    public override async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }
}

/// <summary>One service's database on a PostgreSQL resource, created when missing.</summary>
public sealed class DatabaseResource(string name, PostgresResource server) : Resource(name), IResourceWithConnectionString
{
    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder(server.ServerConnectionString) { Database = Name }.ConnectionString;

    protected override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ServerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", Name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            context.Log("apphost", $"created database {Name}");
        }
    }
}
