using System.Diagnostics;
using MassTransit;
using MassWork.Testing.Servers;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace MassWork.Testing;

/// <summary>
/// Throwaway PostgreSQL and RabbitMQ for a test run: containers where a Docker engine answers,
/// otherwise local server processes from the machine's binaries in a temp folder. Either way the
/// broker can be stopped and started again on the same port.
/// </summary>
public sealed class InfrastructureFixture : IAsyncDisposable
{
    private readonly string _directory = TempFolder.Create("masswork-tests-");
    private LocalPostgresServer? _localPostgres;
    private LocalRabbitMqServer? _localRabbit;
    private PostgreSqlContainer? _postgresContainer;
    private RabbitMqContainer? _rabbitContainer;

    public string Directory => _directory;

    public string PostgresConnectionString { get; private set; } = "";

    public string BrokerConnectionString => $"amqp://guest:guest@127.0.0.1:{BrokerPort}/";

    public int BrokerPort { get; private set; }

    public bool UsesContainers { get; private set; }

    public async Task StartAsync()
    {
        UsesContainers = await DockerAnswersAsync();
        if (UsesContainers)
        {
            BrokerPort = FreePort.Next();
            _postgresContainer = new PostgreSqlBuilder("postgres:15").Build();
            _rabbitContainer = new RabbitMqBuilder("rabbitmq:3.10")
                .WithUsername("guest").WithPassword("guest")
                .WithPortBinding(BrokerPort, 5672).Build();
            await Task.WhenAll(_postgresContainer.StartAsync(), _rabbitContainer.StartAsync());
            PostgresConnectionString = _postgresContainer.GetConnectionString();
            return;
        }

        // Durability settings off: a test database is thrown away, speed matters more.
        var settings = new Dictionary<string, string> { ["fsync"] = "off", ["synchronous_commit"] = "off", ["full_page_writes"] = "off" };
        _localPostgres = new LocalPostgresServer(Path.Combine(_directory, "postgres"), Log, settings);
        _localRabbit = new LocalRabbitMqServer(Path.Combine(_directory, "rabbitmq"), Log);
        await Task.WhenAll(_localPostgres.StartAsync(CancellationToken.None), _localRabbit.StartAsync(CancellationToken.None));
        PostgresConnectionString = _localPostgres.ConnectionString();
        BrokerPort = _localRabbit.Port;
    }

    public string DatabaseConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new empty database on the server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
        return DatabaseConnectionString(database);
    }

    /// <summary>Publishes straight to the broker, as another service would, the same message id each time (a redelivery).</summary>
    public Task PublishAsync<T>(T message, Guid messageId, int times = 1)
        where T : class =>
        PublishAllAsync(Enumerable.Repeat((message, messageId), times));

    /// <summary>Publishes the messages in order on one connection, at once, so a consumer takes them in as few batches as it can.</summary>
    public async Task PublishAllAsync<T>(IEnumerable<(T Message, Guid MessageId)> messages)
        where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host("127.0.0.1", (ushort)BrokerPort, "/", h =>
        {
            h.Username("guest");
            h.Password("guest");
        }));
        await bus.StartAsync();
        try
        {
            foreach (var (message, messageId) in messages)
            {
                await bus.Publish(message, ctx => ctx.MessageId = messageId);
            }
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>How many messages wait in a queue (0 when it does not exist yet).</summary>
    public async Task<uint> QueueDepthAsync(string queue)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { HostName = "127.0.0.1", Port = BrokerPort, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Deletes a queue and, when <paramref name="classicInstead"/>, declares a classic queue of the
    /// same name at once: the service's quorum declaration is then refused on every reconnect.
    /// </summary>
    public async Task ReplaceQueueAsync(string queue, bool classicInstead)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { HostName = "127.0.0.1", Port = BrokerPort, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        if (classicInstead)
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        }
    }

    public async Task<long> CountAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Stops PostgreSQL (fast shutdown: clients are cut off); <see cref="StartDatabaseAsync"/> brings it back on the same port.</summary>
    public Task StopDatabaseAsync() => UsesContainers ? _postgresContainer!.StopAsync() : _localPostgres!.StopAsync();

    public Task StartDatabaseAsync() => UsesContainers ? _postgresContainer!.StartAsync() : _localPostgres!.StartAsync(CancellationToken.None);

    public Task StopBrokerAsync() => UsesContainers ? _rabbitContainer!.StopAsync() : _localRabbit!.StopNodeAsync();

    public Task StartBrokerAsync() => UsesContainers ? _rabbitContainer!.StartAsync() : _localRabbit!.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_localRabbit is not null)
        {
            await _localRabbit.DisposeAsync();
        }

        if (_localPostgres is not null)
        {
            await _localPostgres.DisposeAsync();
        }

        if (_rabbitContainer is not null)
        {
            await _rabbitContainer.DisposeAsync();
        }

        if (_postgresContainer is not null)
        {
            await _postgresContainer.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by an exiting server; the OS temp cleaner takes it.
        }
    }

    private void Log(string name, string line) => File.AppendAllText(Path.Combine(_directory, "servers.log"), $"[{name}] {line}\n");

    private static async Task<bool> DockerAnswersAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (host is null && !File.Exists("/var/run/docker.sock"))
        {
            return false;
        }

        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await docker.WaitForExitAsync(timeout.Token);
            return docker.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return false;
        }
    }
}
