using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace MassWork.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<PlatformFixture>
{
    // A platform of its own: no other test's events land while rows are counted.
    public const string Name = "fuzz";
}

/// <summary>
/// Malformed requests generated from each service's own OpenAPI document — wrong types, control
/// characters, oversized text, impossible numbers and dates, broken JSON, deep nesting, foreign
/// charsets and content types, bad ids and headers, unsupported methods — sent through the gateway
/// with a token that may do anything, so they reach the handlers. None may get a 5xx, and no row in
/// any table of any service may change. Seeded, so a failure is reproduced by running it again.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class BadInputFuzzTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int RequestsPerService = 1000;
    private static readonly string[] Services = ["personnel", "petitions", "notifications", "visits", "projects"];
    private static readonly string[] Databases = ["personneldb", "petitionsdb", "notificationsdb", "visitsdb", "projectsdb"];

    private static readonly string[] BadText =
        ["a\u0000b", "张\u0007三", "\u001b[31m", new('长', 20_000), "\u007f", "line\u0000\r\n"];

    // No %00 in paths: Kestrel refuses it itself and closes the connection, which can cut a body
    // still being sent (a transport race, not an answer). NUL is sent in queries and bodies instead.
    private static readonly string[] BadPathText =
        ["%07", "%1B", "%C3%28", new string('x', 3000), "-1", "%E4%B8%AD%07", "..%2F..%2Fetc", "%27%20OR%201%3D1", "00000000-0000-0000-0000-00000000000g"];

    private static readonly JsonNode?[] WrongTypes =
        [JsonValue.Create("not-a-number"), JsonValue.Create(1e308), JsonValue.Create(-9223372036854775808.0), JsonValue.Create(1.5), JsonValue.Create(true),
         new JsonArray(JsonValue.Create(1), JsonValue.Create("x")), new JsonObject { ["a"] = new JsonObject { ["b"] = 1 } }, JsonValue.Create("2026-13-45T99:99:99"),
         JsonValue.Create("NoSuchValue")];

    private static readonly string[] RawBodies =
        ["{", "[]", "null", "\"text\"", "123", "{\"a\":}", "{\"a\":1,\"a\":2", new string('[', 2000) + new string(']', 2000), "\u0000", "{\"\u0000\":1}", "{\"x\":\"\\ud800\"}"];

    [Fact]
    public async Task A_thousand_malformed_requests_per_service_get_no_5xx_and_change_no_row()
    {
        var random = new Random(20261201);
        var token = platform.Token("36", Roles.Operator, "fuzz-operator");
        var before = await StableCountsAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var service in Services)
        {
            var operations = await OperationsAsync(service);
            Assert.NotEmpty(operations);
            var statuses = new Dictionary<int, int>();
            for (var i = 0; i < RequestsPerService; i++)
            {
                var operation = operations[i % operations.Count];
                using var request = Malformed(operation, i / operations.Count, random, token);
                var described = $"{request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}] variant {i / operations.Count}";
                try
                {
                    using var response = await platform.Gateway.SendAsync(request);
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    if ((int)response.StatusCode >= 500)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        failures.Add($"{(int)response.StatusCode} {described}: {body[..Math.Min(body.Length, 300)]}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Add($"no answer {described}: {e.Message}");
                }

                sent++;
            }

            output.WriteLine($"{service}: {operations.Count} operations, {RequestsPerService} requests, statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        }

        var after = await StableCountsAsync();
        var changed = after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key)} → {t.Value}").ToList();
        output.WriteLine($"{sent} requests sent, {failures.Count} got a 5xx or no answer, {changed.Count} tables changed");
        Assert.True(failures.Count == 0, $"{failures.Count} malformed requests got a 5xx:\n{string.Join("\n", failures.Take(40))}");
        Assert.True(changed.Count == 0, $"Rows changed:\n{string.Join("\n", changed)}");
    }

    /// <summary>
    /// Values of the right type at the edge of what the type holds, in every query parameter of every
    /// read: the largest and smallest page numbers, the first and last dates .NET knows. Each is sent
    /// alone, the other parameters left to their defaults; none may get a 5xx.
    /// </summary>
    [Fact]
    public async Task Extreme_but_well_formed_query_values_get_no_5xx()
    {
        var token = platform.Token("36", Roles.Operator, "fuzz-operator");
        var failures = new List<string>();
        var sent = 0;
        foreach (var service in Services.Append("identity"))
        {
            foreach (var operation in (await OperationsAsync(service)).Where(o => o.Method == "GET"))
            {
                var path = operation.Parameters.Where(p => p.In == "path").Aggregate(operation.Path, (path, p) =>
                    path.Replace($"{{{p.Name}}}", IsUuid(p.Schema) ? Guid.NewGuid().ToString() : Format(p.Schema) is "int32" or "int64" ? "2026" : "360702", StringComparison.Ordinal));
                foreach (var (name, _, schema) in operation.Parameters.Where(p => p.In == "query"))
                {
                    foreach (var value in ExtremesOf(Format(schema)))
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        using var response = await platform.Gateway.SendAsync(request);
                        sent++;
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{(int)response.StatusCode} GET {request.RequestUri}");
                        }
                    }
                }
            }
        }

        // A date in a body is held to the same range while it binds: a client that left it unset sends 0001-01-01.
        using (var unsetDates = await platform.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/visits/spot-checks")
               {
                   Headers = { Authorization = new AuthenticationHeaderValue("Bearer", platform.Token("360702", Roles.Leader, "fuzz-leader")) },
                   Content = Json(JsonNode.Parse("""{"from":"0001-01-01","to":"0001-01-01","sampleSize":1}""")),
               }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unsetDates.StatusCode);
            Assert.Contains("from", (await unsetDates.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Single());
        }

        output.WriteLine($"{sent} requests sent, {failures.Count} got a 5xx");
        Assert.True(sent > 100, $"only {sent} requests: the documents' query parameters were not found");
        Assert.True(failures.Count == 0, $"{failures.Count} requests got a 5xx:\n{string.Join("\n", failures)}");
    }

    private static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    private static string[] ExtremesOf(string? format) => format switch
    {
        "int32" => ["2147483647", "-2147483648"],
        "int64" => ["9223372036854775807", "-9223372036854775808"],
        "date" => ["0001-01-01", "9999-12-31"],
        "date-time" => ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"],
        _ => [],
    };

    private sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, string In, JsonElement Schema)> Parameters, JsonElement? Body, JsonElement Document);

    private async Task<List<Operation>> OperationsAsync(string service)
    {
        using var response = await platform.Gateway.GetAsync($"/openapi/{service}.json");
        response.EnsureSuccessStatusCode();
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                    : [];
                JsonElement? body = method.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema) ? schema : null;
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, parameters, body, document));
            }
        }

        return operations;
    }

    private static HttpRequestMessage Malformed(Operation operation, int variant, Random random, string token)
    {
        // Variant 0 breaks only the path ids; later ones break query, body, content type and headers in turn.
        var kind = variant % 8;
        var path = operation.Path;
        foreach (var (name, location, schema) in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = kind == 0 || random.Next(3) == 0 ? Pick(BadPathText, random) : IsUuid(schema) ? Guid.NewGuid().ToString() : "fuzz";
            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }

        var query = operation.Parameters.Where(p => p.In == "query").Select(p => $"{Uri.EscapeDataString(p.Name)}={(kind is 1 or 2 ? Pick(BadPathText, random) : Uri.EscapeDataString(Shortened(Pick(BadText, random), 1 + random.Next(50))))}").ToList();
        var method = kind == 7 && random.Next(2) == 0 ? HttpMethod.Patch : new HttpMethod(operation.Method);
        var request = new HttpRequestMessage(method, path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        request.Headers.Authorization = kind == 6 && random.Next(4) == 0 ? null : new AuthenticationHeaderValue("Bearer", token);
        if (kind == 6)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(2) == 0 ? new string('k', 5000) : "k%00");
            request.Headers.TryAddWithoutValidation("If-Match", "\"not-a-version\"");
        }

        if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = kind switch
            {
                3 => Json(BodyOf(operation, random, wrongTypes: true)),
                4 => Json(BodyOf(operation, random, wrongTypes: false)),
                5 => new StringContent(Pick(RawBodies, random), Encoding.UTF8, "application/json"),
                7 => Typed("{}", Pick(["text/plain", "application/xml", "application/json; charset=ebcdic", "application/x-www-form-urlencoded; charset=utf-16", "multipart/form-data"], random)),
                _ => Json(BodyOf(operation, random, wrongTypes: random.Next(2) == 0)),
            };
        }

        return request;
    }

    private static StringContent Typed(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static StringContent Json(JsonNode? body)
    {
        var content = new StringContent(body?.ToJsonString() ?? "null", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>An object with every property of the schema broken: each a wrong type, or text that no rule accepts.</summary>
    private static JsonNode? BodyOf(Operation operation, Random random, bool wrongTypes)
    {
        if (operation.Body is not { } schema)
        {
            return Pick(WrongTypes, random)?.DeepClone();
        }

        return Broken(Resolve(schema, operation.Document), operation.Document, random, wrongTypes, depth: 0);
    }

    private static JsonNode? Broken(JsonElement schema, JsonElement document, Random random, bool wrongTypes, int depth)
    {
        var type = TypeOf(schema);
        if (type == "object" && schema.TryGetProperty("properties", out var properties) && depth < 3)
        {
            var node = new JsonObject();
            foreach (var property in properties.EnumerateObject())
            {
                node[property.Name] = Broken(Resolve(property.Value, document), document, random, wrongTypes, depth + 1);
            }

            return node;
        }

        if (type == "array" && schema.TryGetProperty("items", out var items) && depth < 3 && !wrongTypes)
        {
            return new JsonArray(Broken(Resolve(items, document), document, random, wrongTypes, depth + 1));
        }

        if (wrongTypes || type != "string")
        {
            // A string where a number, list or object belongs, and anything but a string where text belongs.
            return type == "string" ? Pick(WrongTypes.Where(w => w is not JsonValue v || v.GetValueKind() != JsonValueKind.String).ToArray(), random)?.DeepClone()
                : JsonValue.Create(Pick(BadText, random));
        }

        return JsonValue.Create(Pick(BadText, random));
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        // OpenAPI 3.1 allows ["string", "null"].
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") : type.GetString();
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
                continue;
            }

            if (schema.ValueKind == JsonValueKind.Object && (schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices)))
            {
                schema = choices.EnumerateArray().FirstOrDefault(c => !(c.TryGetProperty("type", out var t) && t.GetString() == "null"));
                continue;
            }

            break;
        }

        return schema;
    }

    private static bool IsUuid(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) && format.GetString() == "uuid";

    private static T Pick<T>(IReadOnlyList<T> values, Random random) => values[random.Next(values.Count)];

    private static string Shortened(string text, int length) => text[..Math.Min(text.Length, length)];

    /// <summary>Row counts of every table of every service, once they stop moving (start-up seeding and relays settle).</summary>
    private async Task<Dictionary<string, long>> StableCountsAsync()
    {
        var previous = await CountsAsync();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var current = await CountsAsync();
            if (current.Count == previous.Count && current.All(c => previous.GetValueOrDefault(c.Key, -1) == c.Value))
            {
                return current;
            }

            previous = current;
        }

        throw new InvalidOperationException("Row counts kept moving for a minute; the platform never settled.");
    }

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var database in Databases)
        {
            await using var connection = new Npgsql.NpgsqlConnection(platform.Infrastructure.DatabaseConnectionString(database));
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new Npgsql.NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
                counts[$"{database}.{table}"] = (long)(await count.ExecuteScalarAsync())!;
            }
        }

        return counts;
    }
}
