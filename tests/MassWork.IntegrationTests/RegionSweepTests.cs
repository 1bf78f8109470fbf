using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MassWork.IntegrationTests;

/// <summary>
/// Generated from every service's OpenAPI document: each operation is called with path ids of data
/// of 章贡区 (360702, city 3607) made here, once with a token of another city (3608) holding every
/// role, and once with a token of city 3607 whose role holds none of the operation's permissions
/// (from <see cref="Permissions.Matrix"/>). Neither may have a write accepted, the second may not
/// read at all, a read answered to the first carries no data of city 3607, and nothing answers 5xx.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class RegionSweepTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] Services = ["personnel", "visits", "petitions", "projects", "notifications", "identity"];

    /// <summary>Operations the sweep leaves out, each with its reason.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        // Open311 GeoReport v2 is public by its standard: services and requests are read without a token, and a
        // request is posted by a registered hotline client that signs it with its own key (checked in the handler).
        ["GET /api/petitions/open311/v2/services.json"] = "Open311: public service list (anonymous by the standard)",
        ["GET /api/petitions/open311/v2/services/{code}.json"] = "Open311: public service definition (anonymous by the standard)",
        ["POST /api/petitions/open311/v2/requests.json"] = "Open311: the hotline client's key names its region; a staff token only where its role may file petitions",
        ["GET /api/petitions/open311/v2/requests.json"] = "Open311: public request status, no personal data (anonymous by the standard)",
        ["GET /api/petitions/open311/v2/requests/{id}.json"] = "Open311: public request status, no personal data (anonymous by the standard)",
        // 查询: petitioners have no account; a code sent to the case's registered phone opens one case, read by its session token.
        ["POST /api/petitions/public/codes"] = "Public case query: a code to the case's registered phone, answered alike whether or not it matches",
        ["POST /api/petitions/public/sessions"] = "Public case query: the SMS code opens a session on that one case",
        ["GET /api/petitions/public/case"] = "Public case query: the session's case, as its petitioner may read it",
        ["POST /api/petitions/public/case/rating"] = "Public case query: the petitioner's rating of the session's case",
        // SMS providers call back without a staff token; the handler checks the callback token in the query.
        ["POST /api/notifications/providers/{provider}/reports"] = "SMS provider delivery reports: callback token, not a staff token",
        ["POST /api/notifications/providers/{provider}/replies"] = "SMS provider replies (退订): callback token, not a staff token",
    };

    /// <summary>POSTs that compute and store nothing: judged as reads.</summary>
    private static readonly HashSet<string> ReadOnlyPosts = ["POST /api/notifications/templates/{code}/render"];

    /// <summary>
    /// Operations that name a region-like parameter yet have no region filter: the value is not a
    /// division code, or the handler keeps its own check (another change owns that file).
    /// </summary>
    private static readonly Dictionary<string, string> UnscopedParameters = new()
    {
        ["PUT /api/notifications/templates/{code}"] = "{code} is a template code; city scope by filter",
        ["POST /api/notifications/templates/{code}/render"] = "{code} is a template code",
        ["PUT /api/petitions/categories/{code}"] = "{code} is a category code; city scope by filter",
        ["PUT /api/petitions/departments/{code}"] = "{code} is a department code (360702-RSJ); its region is in the body",
        ["GET /api/petitions/departments/{code}/work-orders"] = "{code} is a department code; the handler checks the department's region",
        ["GET /api/petitions/open311/v2/services/{code}.json"] = "{code} is a category code, public",
        ["GET /api/visits/figures"] = "Visits figures keep their own region check (services/Visits/Figures is another change's)",
        ["GET /api/projects/figures"] = "figures check region in the handler, with their period",
    };

    private Seeded _seeded = null!;

    private sealed record Seeded(Guid Household, string Village, Guid Unit, Guid Cadre, Guid Team, Guid Case, Guid Project)
    {
        public IEnumerable<string> Ids => [Household.ToString(), Unit.ToString(), Cadre.ToString(), Team.ToString(), Case.ToString(), Project.ToString()];
    }

    private sealed record Operation(string Service, string Method, string Path, JsonElement Body, string? BodyType,
        IReadOnlyList<(string Name, string In, bool Required, JsonElement Schema)> Parameters, IReadOnlyList<string> Permissions, bool Anonymous, bool Scoped, JsonElement Document)
    {
        public string Key => $"{Method} {Path}";
        public bool Writes => Method is not "GET" && !ReadOnlyPosts.Contains(Key);
    }

    [Fact]
    public async Task Every_operation_names_a_permission_of_the_matrix_or_is_anonymous()
    {
        var operations = await OperationsAsync();
        Assert.NotEmpty(operations);
        var missing = operations.Where(o => !o.Anonymous && o.Permissions.Count == 0).Select(o => o.Key).ToList();
        var unknown = operations.SelectMany(o => o.Permissions.Where(p => !Permissions.Matrix.ContainsKey(p)).Select(p => $"{o.Key}: {p}")).ToList();
        var anonymous = operations.Where(o => o.Anonymous).Select(o => o.Key).ToList();
        output.WriteLine($"{operations.Count} operations; anonymous: {string.Join(", ", anonymous)}");

        Assert.Empty(missing);
        Assert.Empty(unknown);
        Assert.All(anonymous, a => Assert.True(Exempt.ContainsKey(a), $"{a} is anonymous but not listed as exempt"));
    }

    [Fact]
    public async Task Every_operation_naming_a_region_checks_it_by_the_filter()
    {
        var names = RegionScope.RouteValues.Concat(RegionScope.QueryValues).ToHashSet();
        var unscoped = (await OperationsAsync())
            .Where(o => !o.Scoped && !o.Anonymous && o.Parameters.Any(p => names.Contains(p.Name)) && !UnscopedParameters.ContainsKey(o.Key))
            .Select(o => $"{o.Key} ({string.Join(", ", o.Parameters.Where(p => names.Contains(p.Name)).Select(p => p.Name))})")
            .ToList();

        Assert.True(unscoped.Count == 0, $"Region parameters without .RequireRegionScope():\n{string.Join("\n", unscoped)}");
    }

    [Fact]
    public async Task No_operation_lets_another_city_or_a_role_without_the_permission_act_on_this_citys_data()
    {
        _seeded = await SeedAsync();
        var operations = (await OperationsAsync()).Where(o => !Exempt.ContainsKey(o.Key)).ToList();
        var foreign = platform.TokenOfRoles("3608", Roles.All, "sweep-3608");
        var failures = new List<string>();
        var statuses = new Dictionary<string, int>();
        var rotation = 0;

        foreach (var operation in operations)
        {
            // Another city, every role.
            await CheckAsync(operation, foreign, "3608 all roles", mayRead: true);

            // This city, a role that holds none of the operation's permissions.
            var lacking = Roles.All.Where(r => !operation.Permissions.Any(p => Permissions.RolesFor(p).Contains(r))).ToList();
            if (lacking.Count > 0)
            {
                var role = lacking[rotation++ % lacking.Count];
                await CheckAsync(operation, platform.Token("3607", role, $"sweep-{role}"), $"3607 {role}", mayRead: false);
            }
        }

        output.WriteLine($"{operations.Count} operations swept; {Exempt.Count} exempt: {string.Join("; ", Exempt.Select(e => $"{e.Key} ({e.Value})"))}");
        output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} answers broke the region or role matrix:\n{string.Join("\n", failures.Take(60))}");

        async Task CheckAsync(Operation operation, string token, string who, bool mayRead)
        {
            using var request = RequestOf(operation, token);
            using var response = await platform.Gateway.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            statuses[$"{who.Split(' ')[0]} {status}"] = statuses.GetValueOrDefault($"{who.Split(' ')[0]} {status}") + 1;
            var described = $"{operation.Key} as {who} → {status} ({request.Method} {request.RequestUri})";
            if (status >= 500)
            {
                failures.Add($"{described}: a 5xx {Shortened(text)}");
            }
            else if (status is >= 200 and < 300)
            {
                if (operation.Key == "POST /api/personnel/imports" && status == 202)
                {
                    // An import is queued and judged line by line in the importer's region: follow it to its end.
                    if (await ImportedAsync(text, token) is { } imported)
                    {
                        failures.Add($"{described}: the import wrote households of city 3607 {Shortened(imported)}");
                    }
                }
                else if (operation.Writes)
                {
                    failures.Add($"{described}: the write was accepted {Shortened(text)}");
                }
                else if (!mayRead)
                {
                    failures.Add($"{described}: read without the permission {Shortened(text)}");
                }
                else if (Leak(text) is { } leaked)
                {
                    failures.Add($"{described}: answered data of city 3607 ({leaked}) {Shortened(text)}");
                }
            }
        }
    }

    /// <summary>The finished import's answer when it inserted or changed any household, else null.</summary>
    private async Task<string?> ImportedAsync(string accepted, string token)
    {
        var id = JsonDocument.Parse(accepted).RootElement.GetProperty("id").GetGuid();
        var job = default(JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            using var request = platform.Request(HttpMethod.Get, $"/api/personnel/imports/{id}", token);
            using var response = await platform.Gateway.SendAsync(request);
            job = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return job.GetProperty("status").GetString() is "Completed" or "Failed";
        }, TimeSpan.FromSeconds(60), "the import finishes");
        return job.GetProperty("householdsInserted").GetInt32() + job.GetProperty("householdsUpdated").GetInt32() > 0 ? job.ToString() : null;
    }

    private string? Leak(string text)
    {
        if (CityCode().Match(text) is { Success: true } match)
        {
            return match.Value;
        }

        return _seeded.Ids.FirstOrDefault(id => text.Contains(id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A county, town or village code of city 3607 (赣州), as data shows them.</summary>
    [GeneratedRegex(@"3607\d{2,8}")]
    private static partial Regex CityCode();

    private static string Shortened(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>Data of 章贡区 for the path ids: a household, a unit, a cadre, a team, a petition case, a project.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var petitions = new PetitionsApi(platform);
        var personnel = petitions.Personnel;
        var (household, village) = await petitions.HouseholdAsync("钟秀兰");
        var unit = await personnel.CreateUnitAsync("赣州市民政局");
        var cadre = await personnel.RegisterCadreAsync("钟志华", unitId: unit);
        var team = await personnel.CreateTeamAsync(village, unit);
        var petitionCase = (await petitions.RequestCase(household, petitions.Town(village))).GetProperty("id").GetGuid();
        var project = (await new ProjectsApi(platform).ProposeAsync(village, 1_000_000)).GetProperty("id").GetGuid();
        return new Seeded(household, village, unit, cadre, team, petitionCase, project);
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var operations = new List<Operation>();
        foreach (var service in Services)
        {
            using var response = await platform.Gateway.GetAsync($"/openapi/{service}.json");
            response.EnsureSuccessStatusCode();
            var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
                {
                    var op = method.Value;
                    var parameters = op.TryGetProperty("parameters", out var ps)
                        ? ps.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                            p.TryGetProperty("required", out var r) && r.GetBoolean(), p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                        : [];
                    var (body, bodyType) = (default(JsonElement), default(string));
                    if (op.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content))
                    {
                        var first = content.EnumerateObject().First();
                        bodyType = first.Name;
                        body = first.Value.TryGetProperty("schema", out var schema) ? schema : default;
                    }

                    var permissions = op.TryGetProperty("x-masswork-permissions", out var xp) ? xp.EnumerateArray().Select(p => p.GetString()!).ToList() : [];
                    var anonymous = op.TryGetProperty("x-masswork-anonymous", out var xa) && xa.GetBoolean();
                    var scoped = op.TryGetProperty("x-masswork-scope", out _);
                    operations.Add(new Operation(service, method.Name.ToUpperInvariant(), path.Name, body, bodyType, parameters, permissions, anonymous, scoped, document));
                }
            }
        }

        return operations;
    }

    private HttpRequestMessage RequestOf(Operation operation, string token)
    {
        var path = operation.Path;
        foreach (var (name, _, _, schema) in operation.Parameters.Where(p => p.In == "path"))
        {
            path = path.Replace($"{{{name}}}", Uri.EscapeDataString(PathValue(operation, name, schema)), StringComparison.Ordinal);
        }

        var query = operation.Parameters.Where(p => p.In == "query" && (p.Required || RegionScope.QueryValues.Contains(p.Name)))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(ScalarValue(p.Name, p.Schema, operation.Document))}");
        var uri = path + (query.Any() ? "?" + string.Join('&', query) : "");
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (operation.Method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
            request.Content = BodyOf(operation);
        }

        return request;
    }

    private string PathValue(Operation operation, string name, JsonElement schema)
    {
        if (name == "id")
        {
            var path = operation.Path;
            return path.StartsWith("/api/personnel/households", StringComparison.Ordinal) ? _seeded.Household.ToString()
                : path.StartsWith("/api/personnel/cadres", StringComparison.Ordinal) ? _seeded.Cadre.ToString()
                : path.StartsWith("/api/personnel/units", StringComparison.Ordinal) ? _seeded.Unit.ToString()
                : path.StartsWith("/api/personnel/teams", StringComparison.Ordinal) ? _seeded.Team.ToString()
                : path.StartsWith("/api/petitions/cases", StringComparison.Ordinal) ? _seeded.Case.ToString()
                : path.StartsWith("/api/projects/", StringComparison.Ordinal) ? _seeded.Project.ToString()
                : Guid.NewGuid().ToString();
        }

        return name switch
        {
            "cadreId" => _seeded.Cadre.ToString(),
            "code" when operation.Path.StartsWith("/api/notifications/templates", StringComparison.Ordinal) => "case-registered",
            "code" when operation.Path.StartsWith("/api/petitions/categories", StringComparison.Ordinal) => "social-security",
            "code" when operation.Path.StartsWith("/api/petitions/departments", StringComparison.Ordinal) => "360702-RSJ",
            _ => ScalarValue(name, schema, operation.Document),
        };
    }

    /// <summary>A plausible value of city 3607's data for a parameter or a body property.</summary>
    private string ScalarValue(string name, JsonElement schema, JsonElement document)
    {
        var resolved = Resolve(schema, document);
        var lower = name.ToLowerInvariant();
        if (IsFormat(resolved, "uuid"))
        {
            return lower.Contains("household") ? _seeded.Household.ToString()
                : lower.Contains("cadre") ? _seeded.Cadre.ToString()
                : lower.Contains("unit") ? _seeded.Unit.ToString()
                : lower.Contains("team") ? _seeded.Team.ToString()
                : lower.Contains("case") ? _seeded.Case.ToString()
                : lower.Contains("project") ? _seeded.Project.ToString()
                : Guid.NewGuid().ToString();
        }

        return lower switch
        {
            "citycode" => "3607",
            "towncode" or "town" => _seeded.Village[..9] + "000",
            "region" or "regionprefix" => "360702",
            "year" => "2027",
            "quarter" => "2026Q1",
            _ when lower.Contains("village") || lower.Contains("region") || lower == "code" => _seeded.Village,
            _ when IsFormat(resolved, "date") => "2026-06-01",
            _ when IsFormat(resolved, "date-time") => "2026-06-01T09:00:00+08:00",
            _ when TypeOf(resolved) is "integer" or "number" => "1",
            _ when TypeOf(resolved) == "boolean" => "false",
            _ => "x",
        };
    }

    private HttpContent? BodyOf(Operation operation)
    {
        // The settings of the issue's report get bodies that would pass, so only the scope refuses them.
        switch (operation.Key)
        {
            case "PUT /api/notifications/templates/{code}":
                return Json(new JsonObject { ["name"] = "受理回执", ["signature"] = "赣州市民服务", ["text"] = "您反映的问题已受理，编号${number}。", ["kind"] = "Service" });
            case "PUT /api/petitions/categories/{code}":
                return Json(new JsonObject { ["name"] = "社会保障", ["group"] = "民生", ["workOrderClass"] = "General" });
            case "PUT /api/petitions/calendar/{year}":
                return new StringContent("2027-01-01,false,元旦\n", Encoding.UTF8, "text/csv");
        }

        if (operation.BodyType is null)
        {
            return null;
        }

        if (operation.Key == "POST /api/personnel/imports")
        {
            return new StringContent($"household_number,village_code,address,name,relation,phone\n{Households.NewNumber()},{_seeded.Village},和平路1号,钟扫描,户主,13807970002\n", Encoding.UTF8, "text/csv");
        }

        if (operation.BodyType.StartsWith("text/csv", StringComparison.Ordinal))
        {
            return new StringContent($"code,name,level,parent_code\n{_seeded.Village},测试村,village,{_seeded.Village[..9]}000\n", Encoding.UTF8, "text/csv");
        }

        if (operation.BodyType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            return new MultipartFormDataContent { { new ByteArrayContent([0xFF, 0xD8, 0xFF]), "photos", "a.jpg" } };
        }

        return Json(operation.Body.ValueKind == JsonValueKind.Undefined ? new JsonObject() : Minimal(operation.Body, operation.Document, "", 0));
    }

    private static StringContent Json(JsonNode? node) => new(node?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");

    /// <summary>The schema's required properties (all of them when none is marked), with values of city 3607's data.</summary>
    private JsonNode? Minimal(JsonElement schema, JsonElement document, string name, int depth)
    {
        var resolved = Resolve(schema, document);
        switch (TypeOf(resolved))
        {
            case "object" when depth < 3 && resolved.TryGetProperty("properties", out var properties):
                var required = resolved.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : null;
                var node = new JsonObject();
                foreach (var property in properties.EnumerateObject().Where(p => required is null || required.Count == 0 || required.Contains(p.Name)))
                {
                    node[property.Name] = Minimal(property.Value, document, property.Name, depth + 1);
                }

                return node;
            case "object":
                return new JsonObject();
            case "array":
                return new JsonArray();
            case "integer" or "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(false);
            default:
                return JsonValue.Create(ScalarValue(name, resolved, document));
        }
    }

    private static bool IsFormat(JsonElement schema, string format) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) && f.GetString() == format;

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") : type.GetString();
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
                continue;
            }

            if (schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
            {
                schema = choices.EnumerateArray().FirstOrDefault(c => !(c.TryGetProperty("type", out var t) && t.GetString() == "null"));
                continue;
            }

            break;
        }

        return schema;
    }
}
