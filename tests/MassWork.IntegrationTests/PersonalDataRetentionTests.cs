using System.Diagnostics;
using MassWork.AppHost.Servers;
using Npgsql;

namespace MassWork.IntegrationTests;

/// <summary>
/// Phones and ID numbers entered through the API are kept only encrypted: once the platform's
/// retention has run (2 seconds on this platform), a dump of every service database holds none
/// of them in plain text, and no service has written one to its log.
/// </summary>
[Collection(HardenedPlatformCollection.Name)]
public sealed class PersonalDataRetentionTests(HardenedPlatformFixture platform)
{
    private static readonly string[] Databases = ["personneldb", "visitsdb", "petitionsdb", "projectsdb", "notificationsdb", "identitydb"];
    private static readonly string[] Services = ["personnel", "visits", "petitions", "projects", "notifications", "identity", "gateway"];

    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task After_retention_no_database_dump_or_service_log_holds_a_registered_phone_or_ID_number()
    {
        var village = await _api.NewVillageAsync();
        var town = platform.Token(village[..9], Roles.TownStaff, "retention-clerk");
        var households = Enumerable.Range(0, 3).Select(_ => (Number: Households.NewNumber(), IdNumber: Households.NewIdNumber(), Phone: Households.NewPhone())).ToList();
        foreach (var h in households)
        {
            await CreateAsync("/api/personnel/households", town, new
            {
                householdNumber = h.Number, villageCode = village, address = "和平路12号", status = "Resident",
                members = new[] { new { name = "曾凡荣", relation = "户主", idNumber = h.IdNumber, phone = h.Phone } },
            });
        }

        var petitioner = Households.NewPhone();
        var content = $"自来水连续三天浑浊 {Guid.NewGuid():N}";
        await CreateAsync("/api/petitions/cases", town, new
        {
            channel = "Phone", matterType = "Request", categoryCode = "drinking-water", regionCode = village,
            petitioner = new { name = "刘建国", phone = petitioner }, content,
        });
        await Eventually.HoldsAsync(async () => (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={petitioner}")).GetArrayLength() > 0,
            TimeSpan.FromSeconds(60), "the petitioner's SMS sent");

        var secrets = households.SelectMany(h => new[] { h.IdNumber, h.Phone }).Append(petitioner).ToList();
        var found = await FirstSecretInDumpsAsync(secrets);
        var waited = Stopwatch.StartNew();
        while (found.Length > 0 && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            found = await FirstSecretInDumpsAsync(secrets);
        }

        Assert.True(found.Length == 0, $"Plain text left after retention: {found}");

        // The dump is the data itself: what is stored in plain text is found by the same search.
        var personnel = await DumpAsync("personneldb");
        Assert.All(households, h => Assert.Contains(h.Number, personnel));
        Assert.Contains(content, await DumpAsync("petitionsdb"));

        foreach (var service in Services)
        {
            var log = string.Join('\n', await platform.ConsoleLogAsync(service));
            Assert.True(log.Length > 0, $"{service} wrote no log to search");
            var leaked = secrets.Append(HardenedPlatformFixture.FirstOperatorLogin).Where(secret => log.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, $"{service}'s log holds {string.Join(", ", leaked)}");
        }

        // A phone used as a login name is logged as the identity service creates the account: masked.
        Assert.Contains($"Created the first operator account {HardenedPlatformFixture.FirstOperatorLogin[..3]}****{HardenedPlatformFixture.FirstOperatorLogin[^4..]}",
            string.Join('\n', await platform.ConsoleLogAsync("identity")));
    }

    private async Task CreateAsync(string path, string token, object body)
    {
        var request = platform.Request(HttpMethod.Post, path, token, JsonContent.Create(body));
        // With a key, the response is kept for replay (an idempotency record) until retention removes it.
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await platform.Gateway.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> FirstSecretInDumpsAsync(IReadOnlyList<string> secrets)
    {
        foreach (var database in Databases)
        {
            var dump = await DumpAsync(database);
            if (secrets.FirstOrDefault(s => dump.Contains(s, StringComparison.Ordinal)) is { } secret)
            {
                return $"{secret} in {database}";
            }
        }

        return "";
    }

    /// <summary>pg_dump of one database as plain SQL: every row of every table as text (bytea as hex).</summary>
    private async Task<string> DumpAsync(string database)
    {
        var connection = new NpgsqlConnectionStringBuilder(platform.DatabaseConnectionString(database));
        var start = new ProcessStartInfo(Path.Combine(PostgresBinaries.Directory(), "pg_dump"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = connection.Password },
        };
        foreach (var argument in new[] { "--host", connection.Host!, "--port", $"{connection.Port}", "--username", connection.Username!, "--no-owner", database })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, $"pg_dump {database} failed: {await errors}");
        return await output;
    }
}
