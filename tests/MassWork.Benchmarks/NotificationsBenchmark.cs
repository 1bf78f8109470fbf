using System.Security.Cryptography;
using MassWork.Testing.Servers;
using MassWork.ServiceDefaults.Clock;
using MassWork.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace MassWork.Benchmarks;

/// <summary>
/// A broadcast to a city's households through the real pipeline: the platform (AppHost, gateway,
/// notifications, the SMS simulator as provider) on a throwaway PostgreSQL and RabbitMQ, recipients
/// loaded with binary COPY, then one POST /api/notifications/broadcasts. Reports the fan-out, the
/// rate messages are handed to the provider, and the time until every receipt is in.
/// </summary>
public sealed class NotificationsBenchmark(int households)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var personalData = new PersonalDataOptions
        {
            EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        // Quiet hours would hold a broadcast sent at night: the platform runs at 10:00 Shanghai time, whatever the hour.
        var clock = ShiftedClock.StartingAt(new DateTimeOffset(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var platform = await BenchPlatform.StartAsync(new Dictionary<string, string>
        {
            ["PersonalData:EncryptionKey"] = personalData.EncryptionKey,
            ["PersonalData:HashKey"] = personalData.HashKey,
            ["Clock:Offset"] = clock.Offset.ToString("c", CultureInfo.InvariantCulture),
            ["Sms:SimulatorKeepMessages"] = "false",
        }, cancellationToken);
        var database = platform.Database;
        using var http = platform.Client(8, platform.Token("bench-operator", [Roles.Operator], "3607", clock));
        // The simulator's own address, as the notifications service was given it.
        using var simulator = new HttpClient { BaseAddress = new Uri(platform.ServiceEnvironment("MassWork.Notifications")["Sms__Providers__0__Endpoint"]) };

        var stopwatch = Stopwatch.StartNew();
        await LoadRecipientsAsync(database.Database("notificationsdb"), new PersonalDataProtector(Options.Create(personalData)), cancellationToken);
        BenchReport.Line("recipients (binary COPY)", $"{households:N0} heads of household with phones in {stopwatch.Elapsed.TotalSeconds:N1} s");

        stopwatch.Restart();
        using var created = await http.PostAsJsonAsync("/api/notifications/broadcasts", new
        {
            regionPrefix = "3607", audience = "Heads", templateCode = "policy-broadcast",
            values = new Dictionary<string, string> { ["content"] = "冬季用电用火安全提示：人走断电，严禁私拉乱接。" },
        }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();

        var fannedOut = TimeSpan.Zero;
        var handedOver = TimeSpan.Zero;
        var progress = new List<string>();
        var lastReport = Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(500, cancellationToken);
            var broadcast = await http.GetFromJsonAsync<JsonElement>($"/api/notifications/broadcasts/{id}", cancellationToken);
            var status = broadcast.GetProperty("status").GetString();
            if (fannedOut == TimeSpan.Zero && status != "Preparing")
            {
                fannedOut = stopwatch.Elapsed;
                BenchReport.Line("fan-out (chunked INSERT … SELECT)", $"{broadcast.GetProperty("recipients").GetInt64():N0} messages written {fannedOut.TotalSeconds:N1} s after the POST");
            }

            var stats = await simulator.GetFromJsonAsync<JsonElement>("/simulator/stats", cancellationToken);
            var accepted = stats.GetProperty("accepted").GetInt64();
            if (handedOver == TimeSpan.Zero && accepted >= households)
            {
                handedOver = stopwatch.Elapsed;
            }

            if (lastReport.Elapsed > TimeSpan.FromSeconds(15))
            {
                progress.Add($"{stopwatch.Elapsed.TotalSeconds:N0} s: {accepted:N0} at the provider");
                lastReport.Restart();
            }

            // Done when nothing is left to hand over and every receipt is in (no message still only "Sent").
            if (status is "Completed" or "Cancelled" && !broadcast.GetProperty("messages").TryGetProperty("Sent", out _))
            {
                break;
            }
        }

        var total = stopwatch.Elapsed;
        var final = await http.GetFromJsonAsync<JsonElement>($"/api/notifications/broadcasts/{id}", cancellationToken);
        Console.WriteLine($"  progress: {string.Join("; ", progress)}");
        BenchReport.Line("handed to the provider", $"{households:N0} messages {handedOver.TotalSeconds:N1} s after the POST = {households / handedOver.TotalSeconds:N0} messages/s " +
            "(sending starts with the first chunk written)");
        BenchReport.Line("end to end (POST → every receipt in)", $"{total.TotalSeconds:N1} s; by status {final.GetProperty("messages").GetRawText()}");
        BenchReport.Figure("broadcast handed to the provider", $"{households / handedOver.TotalSeconds:N0} messages/s ({households:N0} households)");
        BenchReport.Figure("broadcast end to end (POST → every receipt in)", $"{total.TotalSeconds:N1} s");
    }

    private async Task LoadRecipientsAsync(string connectionString, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var villages = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "deploy", "data", "regions-ganzhou-3607.csv"))
            .Skip(1).Select(l => l.Split(',')).Where(p => p.Length >= 3 && p[2] == "town").Select(p => $"{p[0][..9]}201").ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY recipients (member_id, household_id, household_number, village_code, tags, is_head, name, phone_cipher, phone_hash, phone_masked, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < households; i++)
            {
                var phone = $"13{i:D9}";
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync($"B{i:D9}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(villages[i % villages.Length], NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync("户主", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(protector.Encrypt(phone), NpgsqlDbType.Bytea, cancellationToken);
                await writer.WriteAsync(protector.Hash(phone), NpgsqlDbType.Bytea, cancellationToken);
                await writer.WriteAsync(PhoneNumber.Mask(phone), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE recipients", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
