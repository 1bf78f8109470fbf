using System.Net.Http.Headers;

namespace MassWork.Benchmarks;

/// <summary>
/// What auditing costs: household registration (POST /api/personnel/households, with two members,
/// an ID number and a phone) through the gateway at the given concurrency, on a platform with
/// auditing off and then on a fresh platform with it on, in the same run on the same machine. With
/// auditing on, each registration also queues an AuditRecorded in personnel's outbox; the identity
/// service chains them, and the run waits until every one is chained, reporting that rate too.
/// </summary>
public sealed class AuditBenchmark(int households, int concurrency)
{
    private const string Village = "360702003250";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rates = new List<double>();
        foreach (var audited in new[] { false, true })
        {
            rates.Add(await RegisterAsync(audited, cancellationToken));
        }

        BenchReport.Line("cost of auditing", $"{rates[1] / rates[0]:P0} of the unaudited rate ({rates[1]:N0} vs {rates[0]:N0} registrations/s)");
        BenchReport.Figure("registrations with auditing on", $"{rates[1]:N0}/s", $"{rates[0]:N0}/s with auditing off", rates[1] / rates[0]);
    }

    private async Task<double> RegisterAsync(bool audited, CancellationToken cancellationToken)
    {
        await using var platform = await BenchPlatform.StartAsync(new Dictionary<string, string> { ["Audit:Enabled"] = audited ? "true" : "false" }, cancellationToken);
        var database = platform.Database;
        using var http = platform.Client(concurrency, platform.Token("bench-operator", [Roles.Operator], "3607"));
        using (var village = await http.PostAsync("/api/personnel/regions/import",
            new StringContent($"code,name,level,parent_code\n{Village},基准村,village,{Village[..9]}000\n", Encoding.UTF8, "text/csv"), cancellationToken))
        {
            village.EnsureSuccessStatusCode();
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.Token("bench-clerk", [Roles.TownStaff], Village[..9]));
        var label = audited ? "audited" : "not audited";
        await PostAsync(http, Math.Min(500, households), $"{label}: warm-up", "W", cancellationToken);
        var rate = await PostAsync(http, households, $"{label}: registrations", "B", cancellationToken);
        if (audited)
        {
            var stopwatch = Stopwatch.StartNew();
            var expected = households + Math.Min(500, households);
            long chained;
            await using (var identity = new NpgsqlConnection(database.Database("identitydb")))
            {
                await identity.OpenAsync(cancellationToken);
                while ((chained = await CountAsync(identity, cancellationToken)) < expected && stopwatch.Elapsed < TimeSpan.FromMinutes(10))
                {
                    await Task.Delay(200, cancellationToken);
                }
            }

            BenchReport.Line("audited: chained by identity", $"{chained:N0} of {expected:N0} records chained {stopwatch.Elapsed.TotalSeconds:N1} s after the last registration");
        }

        return rate;
    }

    private static async Task<long> CountAsync(NpgsqlConnection identity, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_entries WHERE user_id = 'bench-clerk'", identity);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<double> PostAsync(HttpClient http, int count, string label, string prefix, CancellationToken cancellationToken)
    {
        var load = await BenchLoad.RunAsync(count, concurrency, (i, cancellationToken) =>
        {
            var body = new
            {
                householdNumber = $"{prefix}{i:D9}", villageCode = Village, address = "和平路12号", status = "Resident",
                members = new object[]
                {
                    new { name = "刘桂英", relation = "户主", idNumber = IdNumber(i), phone = $"139{i:D8}" },
                    new { name = "刘桂英之夫", relation = "配偶" },
                },
            };
            return http.PostAsJsonAsync("/api/personnel/households", body, cancellationToken);
        }, cancellationToken);
        BenchReport.Line(label, $"{count:N0} POST /api/personnel/households in {load.Seconds:N1} s = {load.PerSecond:N0}/s at concurrency {concurrency}; " +
            $"{load.Percentiles}; {load.Failed} failed");
        if (load.Failed > 0)
        {
            throw new InvalidOperationException($"{load.Failed} registrations failed.");
        }

        return load.PerSecond;
    }

    /// <summary>A valid 18-digit ID number (GB 11643 check digit), distinct per i: a day of birth from 1950 and a sequence.</summary>
    private static string IdNumber(int i)
    {
        var born = new DateOnly(1950, 1, 1).AddDays(i / 1000);
        var body = $"360702{born.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}{i % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, k) => (c - '0') * weights[k]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
