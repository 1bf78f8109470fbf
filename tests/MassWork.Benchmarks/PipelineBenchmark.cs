using MassTransit;
using MassWork.Contracts.Personnel.V1;

namespace MassWork.Benchmarks;

/// <summary>
/// The event pipeline against raw MassTransit on the same broker in the same run, alternated over
/// the given rounds. Pipeline: HouseholdRegistered events committed to personnel's outbox (binary
/// COPY, as a bulk path writes them), published by its relay, consumed by the petitions,
/// notifications and visits services, each into its read model with its inbox row; timed from
/// the first event a service took in to the last one every service took in. Raw: the same
/// payloads published by a bare MassTransit bus to a quorum queue with publisher confirms, 100 in
/// flight, and counted by a consumer that does nothing else; timed from the first publish to the
/// last message consumed. Beside it, the same bus with the pipeline's fan-out: each message to three
/// quorum queues, each with its own counting consumer, which is the broker's share of the pipeline's
/// work with nothing of ours. Each round also prints how busy the machine was and the CPU each
/// process spent on an event or a message.
/// </summary>
public sealed class PipelineBenchmark(int events, int rounds)
{
    private const string Village = "360702003250";
    private static readonly string[] Consumers = ["petitionsdb", "notificationsdb", "visitsdb"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var platform = await BenchPlatform.StartAsync(null, cancellationToken);
        var pipeline = new List<double>();
        var raw = new List<double>();
        var fanOut = new List<double>();

        // Unmeasured rounds of each until the platform is warm: the services' and the bus's first messages pay for JIT and topology.
        // Rounds as long as the measured ones: the runtimes re-compile in the background for minutes of load, not seconds.
        await BenchLoad.WarmUpAsync("pipeline and raw", 20, async round =>
        {
            await PipelineAsync(platform, $"warm-up {round}", events, cancellationToken);
            await RawAsync(platform.BrokerConnectionString, $"warm-up {round}", events, 1, h => new RawEvent(h), cancellationToken);
            await RawAsync(platform.BrokerConnectionString, $"warm-up {round}", events, Consumers.Length, h => new RawFanOutEvent(h), cancellationToken);
        });
        var measured = CpuMark.Now();
        for (var round = 1; round <= rounds; round++)
        {
            pipeline.Add(await PipelineAsync(platform, $"round {round}", events, cancellationToken));
            raw.Add(await RawAsync(platform.BrokerConnectionString, $"round {round}", events, 1, h => new RawEvent(h), cancellationToken));
            fanOut.Add(await RawAsync(platform.BrokerConnectionString, $"round {round}", events, Consumers.Length, h => new RawFanOutEvent(h), cancellationToken));
        }

        // Each round ran its three back to back on the same load; rounds a minute apart do not.
        var paired = new PairedRates(pipeline, raw);
        BenchReport.Line("pipeline vs raw MassTransit", $"{paired.Summary("rounds", "events/s")}; target ≥ 50 %); re-compiling {CpuMark.Now().RecompilingSince(measured):P0} of the busy CPU");
        BenchReport.Figure("event pipeline (outbox → broker → 3 services' read models)", $"{paired.SubjectRate:N0} events/s",
            $"raw MassTransit {paired.ReferenceRate:N0} messages/s", paired.Ratio, "≥ 50 %", paired.Ratio >= 0.5);
        var sameFanOut = new PairedRates(pipeline, fanOut);
        BenchReport.Line("pipeline vs raw MassTransit, 3 queues", $"{sameFanOut.Summary("rounds", "events/s")})");
        BenchReport.Figure("event pipeline vs raw MassTransit with its fan-out (each message to 3 quorum queues)", $"{sameFanOut.SubjectRate:N0} events/s",
            $"raw MassTransit, 3 queues: {sameFanOut.ReferenceRate:N0} messages/s", sameFanOut.Ratio);
    }

    private static async Task<double> PipelineAsync(BenchPlatform platform, string label, int count, CancellationToken cancellationToken)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var since = DateTimeOffset.UtcNow;
        var households = Enumerable.Range(0, count).Select(i => Household(prefix, i)).ToList();
        var messageIds = households.Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var personnel = new NpgsqlConnection(platform.Database.Database("personneldb")))
        {
            await personnel.OpenAsync(cancellationToken);
            await using var transaction = await personnel.BeginTransactionAsync(cancellationToken);
            await using (var writer = await personnel.BeginBinaryImportAsync(
                "COPY outbox_messages (message_id, message_type, payload, aggregate_id, occurred_at, attempts) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                var type = $"{typeof(HouseholdRegistered).FullName}, {typeof(HouseholdRegistered).Assembly.GetName().Name}";
                foreach (var (household, messageId) in households.Zip(messageIds))
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(messageId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(type, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(JsonSerializer.Serialize(household, JsonSerializerOptions.Web), NpgsqlDbType.Json, cancellationToken);
                    await writer.WriteAsync(household.HouseholdId.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // Timed by the consumers' inbox rows (each commits with its effect, stamped as its batch
        // begins): from the first event any service took in to the last one every service took in.
        // The relay's sent_at cannot start the clock: it marks a batch of rows once all are confirmed.
        // The watch is a count by the inbox's processed_at index, a few times a second: matching every
        // round's ids ten times a second cost PostgreSQL more than the three consumers' own writes.
        await FirstConsumedAsync(platform, since, cancellationToken);
        var cpu = ProcessCpu.Now();
        var ids = households.Select(h => h.HouseholdId).ToArray();
        var deadline = Stopwatch.StartNew();
        var taken = new (long Count, DateTimeOffset First, DateTimeOffset Last)[Consumers.Length];
        while (taken.Any(c => c.Count < count))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new InvalidOperationException($"{label}: after 15 minutes the consumers hold {string.Join(", ", taken.Select(c => c.Count))} of {count:N0} events.");
            }

            await Task.Delay(250, cancellationToken);
            for (var i = 0; i < Consumers.Length; i++)
            {
                if (taken[i].Count < count && await ConsumedSinceAsync(platform, Consumers[i], since, cancellationToken) >= count)
                {
                    taken[i] = await ConsumedAsync(platform, Consumers[i], messageIds, cancellationToken);
                }
            }
        }

        var cpuLine = ProcessCpu.Now().PerUnit(cpu, count);
        var (start, done) = (taken.Min(c => c.First), taken.Max(c => c.Last));
        var seconds = (done - start).TotalSeconds;
        var lastSent = await LastSentAsync(platform, ids, cancellationToken);
        BenchReport.Line($"pipeline, {label}", $"{count:N0} events in {seconds:N1} s = {count / seconds:N0} events/s into 3 services ({3 * count / seconds:N0} deliveries/s); " +
            $"the relay had all confirmed after {(lastSent - start).TotalSeconds:N1} s; each service had all after " +
            string.Join(", ", Consumers.Select((c, i) => $"{c[..^2]} {(taken[i].Last - start).TotalSeconds:N1} s")) +
            $"; {cpuLine}");
        return count / seconds;
    }

    /// <summary>Waits for the round's first event to reach a service (visits here; any would do).</summary>
    private static async Task FirstConsumedAsync(BenchPlatform platform, DateTimeOffset since, CancellationToken cancellationToken)
    {
        while (await ConsumedSinceAsync(platform, "visitsdb", since, cancellationToken) == 0)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>HouseholdRegistered events the service has taken in since the round began (only this round's are flowing).</summary>
    private static async Task<long> ConsumedSinceAsync(BenchPlatform platform, string database, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(platform.Database.Database(database));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM inbox_messages WHERE processed_at >= @since AND consumer = 'HouseholdRegisteredConsumer'", connection);
        command.Parameters.AddWithValue("since", since);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>This round's events the service has taken in, and when it took the first and the last.</summary>
    private static async Task<(long Count, DateTimeOffset First, DateTimeOffset Last)> ConsumedAsync(BenchPlatform platform, string database, Guid[] messageIds, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(platform.Database.Database(database));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*), min(processed_at), max(processed_at) FROM inbox_messages WHERE consumer = 'HouseholdRegisteredConsumer' AND message_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", messageIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0) == 0 ? default : (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2));
    }

    /// <summary>When the relay marked the last of the round's rows sent, once the broker had confirmed its batch.</summary>
    private static async Task<DateTimeOffset> LastSentAsync(BenchPlatform platform, Guid[] households, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(platform.Database.Database("personneldb"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT max(sent_at) FROM outbox_messages WHERE aggregate_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", households.Select(h => h.ToString()).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    /// <summary>
    /// A bare bus publishing <paramref name="count"/> messages, each delivered to <paramref name="queues"/> quorum queues; returns messages/s.
    /// Each fan-out has its own message type: the queues outlive the bus, and a type bound to the other reference's queues would reach them too.
    /// </summary>
    private static async Task<double> RawAsync<TMessage>(string broker, string label, int count, int queues, Func<HouseholdRegistered, TMessage> wrap, CancellationToken cancellationToken)
        where TMessage : class
    {
        var uri = new Uri(broker);
        var received = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(uri.Host, (ushort)uri.Port, "/", host =>
            {
                host.Username("guest");
                host.Password("guest");
                host.PublisherConfirmation = true;
            });
            for (var queue = 0; queue < queues; queue++)
            {
                rabbit.ReceiveEndpoint(queues == 1 ? "bench-raw" : $"bench-raw-fan-out-{queue + 1}", endpoint =>
                {
                    endpoint.SetQuorumQueue();
                    endpoint.Handler<TMessage>(_ =>
                    {
                        if (Interlocked.Increment(ref received) == count * queues)
                        {
                            all.TrySetResult();
                        }

                        return Task.CompletedTask;
                    });
                });
            }
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            var prefix = Guid.NewGuid().ToString("N")[..8];
            var messages = Enumerable.Range(0, count).Select(i => wrap(Household(prefix, i))).ToList();
            using var inFlight = new SemaphoreSlim(100);
            var cpu = ProcessCpu.Now();
            var stopwatch = Stopwatch.StartNew();
            var publishes = messages.Select(async message =>
            {
                await inFlight.WaitAsync(cancellationToken);
                try
                {
                    await bus.Publish(message, cancellationToken);
                }
                finally
                {
                    inFlight.Release();
                }
            }).ToList();
            await Task.WhenAll(publishes);
            await all.Task.WaitAsync(TimeSpan.FromMinutes(15), cancellationToken);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var where = queues == 1 ? "quorum queue" : $"{queues} quorum queues, {queues * count / seconds:N0} deliveries/s";
            BenchReport.Line($"raw MassTransit{(queues == 1 ? "" : $", {queues} queues")}, {label}",
                $"{count:N0} messages in {seconds:N1} s = {count / seconds:N0}/s ({where}, confirms, 100 in flight); {ProcessCpu.Now().PerUnit(cpu, count)}");
            return count / seconds;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static HouseholdRegistered Household(string prefix, int i) => new(
        Guid.CreateVersion7(), $"P{prefix}{i:D8}", Village, "刘桂英", DateTimeOffset.UtcNow, "和平路12号", "Resident", ["脱贫户"],
        [
            new HouseholdMemberContact(Guid.CreateVersion7(), "刘桂英", "户主", true, null),
            new HouseholdMemberContact(Guid.CreateVersion7(), "刘桂英之夫", "配偶", false, null),
        ]);


    /// <summary>The raw bus's message: the same payload under a type no service consumes.</summary>
    public sealed record RawEvent(HouseholdRegistered Household);

    /// <summary>The fan-out reference's message, bound to its three queues only.</summary>
    public sealed record RawFanOutEvent(HouseholdRegistered Household);
}
