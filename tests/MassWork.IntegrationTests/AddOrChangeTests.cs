namespace MassWork.IntegrationTests;

/// <summary>
/// The PUTs that add or change a row under a key the caller names, through the gateway: each city's
/// policies (petitions' time limits, projects' approval thresholds, visits' frequency, personnel's
/// coverage), petition categories, county departments, SMS templates, a town's officials and a
/// year's working calendar. First edits of one key sent at once all succeed and one of them is kept;
/// a policy edit is in the audit log like any other settings change.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AddOrChangeTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    private string Auditor => platform.Token("36", Roles.AuditAdmin, "policy-auditor");

    public static TheoryData<string, string, string> Policies => new()
    {
        { "/api/petitions/policy", "3691", "PolicyRecord" },
        { "/api/projects/approval-policy", "3692", "ApprovalPolicyRecord" },
        { "/api/visits/policy", "3693", "FrequencyPolicyRecord" },
        { "/api/personnel/policies", "3694", "CoveragePolicy" },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task A_citys_first_edits_sent_at_once_all_succeed_one_is_kept_and_each_is_audited(string path, string city, string entity)
    {
        var operatorToken = platform.Token(city, Roles.Operator, "policy-operator");
        var policy = await _api.OkAsync(HttpMethod.Get, $"{path}/{city}", operatorToken);

        await AllSucceedAsync($"{path}/{city}", operatorToken, policy.GetRawText());
        var stored = await _api.OkAsync(HttpMethod.Get, $"{path}/{city}", operatorToken);
        Assert.Equal(Comparable(policy), Comparable(stored));

        // The edit that added the city's row is recorded, whichever of the four it was.
        await Eventually.HoldsAsync(async () =>
        {
            var entries = (await _api.OkAsync(HttpMethod.Get, $"/api/identity/audit?entity={entity}:{city}", Auditor)).GetProperty("entries");
            return entries.EnumerateArray().Any(e => e.GetProperty("userId").GetString() == "policy-operator"
                && e.GetProperty("changes")[0].GetProperty("change").GetString() == "Added");
        }, TimeSpan.FromSeconds(60), $"the audit record of {entity}:{city}");
    }

    public static TheoryData<string, string> Keyed => new()
    {
        { "/api/petitions/categories/race-{0}", """{"name":"同时新增","group":"其他"}""" },
        { "/api/petitions/departments/360702-R-{0}", """{"name":"章贡区同时新增局","regionCode":"360702","staffUserIds":["race-staff"]}""" },
        { "/api/notifications/templates/race-{0}", """{"name":"同时新增","signature":"赣州群众工作","text":"您好，${name}"}""" },
    };

    [Theory]
    [MemberData(nameof(Keyed))]
    public async Task First_puts_of_a_new_code_sent_at_once_all_succeed(string path, string body)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid().ToString("N")[..8]);
        await AllSucceedAsync(url, _api.Operator, body);
    }

    [Fact]
    public async Task First_settings_of_a_towns_officials_sent_at_once_all_succeed()
    {
        var secretary = await _api.RegisterCadreAsync("书记同时", rank: "SectionLevel");
        var town = $"3607{Random.Shared.Next(10_000_000, 99_999_999)}";
        town = $"{town[..9]}000";
        await AllSucceedAsync($"/api/personnel/towns/{town}/officials", _api.Operator, $$"""{"partySecretaryCadreId":"{{secretary}}"}""");
        var officials = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/towns/{town}/officials", _api.Operator);
        Assert.Equal(secretary, officials.GetProperty("partySecretaryCadreId").GetGuid());
    }

    [Fact]
    public async Task First_loads_of_a_years_calendar_sent_at_once_all_succeed()
    {
        await AllSucceedAsync("/api/petitions/calendar/2099", _api.Operator, "2099-01-01,false,元旦\n2099-01-02,false,元旦\n", "text/csv");
        var year = await _api.OkAsync(HttpMethod.Get, "/api/petitions/calendar/2099", _api.Operator);
        Assert.Equal(2, year.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task A_years_calendar_loaded_again_is_audited_day_by_day_changed_removed_and_added()
    {
        const string Path = "/api/petitions/calendar/2098";
        await AllSucceedAsync(Path, _api.Operator, "2098-01-01,false,元旦\n2098-01-02,false,元旦\n", "text/csv");
        await AllSucceedAsync(Path, _api.Operator, "2098-01-01,false,新年\n2098-01-03,true,调休\n", "text/csv");

        var changed = await ChangeAsync("CalendarDay:01/01/2098", "Modified");
        Assert.Equal(("元旦", "新年"), (changed.GetProperty("before").GetProperty("Name").GetString(), changed.GetProperty("after").GetProperty("Name").GetString()));
        Assert.Equal("元旦", (await ChangeAsync("CalendarDay:01/02/2098", "Deleted")).GetProperty("before").GetProperty("Name").GetString());
        Assert.Equal("调休", (await ChangeAsync("CalendarDay:01/03/2098", "Added")).GetProperty("after").GetProperty("Name").GetString());
    }

    /// <summary>The audit log's change of that kind to the entity (Type:key), once it has arrived through the broker.</summary>
    private async Task<JsonElement> ChangeAsync(string entity, string kind)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var entries = (await _api.OkAsync(HttpMethod.Get, $"/api/identity/audit?entity={Uri.EscapeDataString(entity)}", Auditor)).GetProperty("entries");
            var changes = entries.EnumerateArray().SelectMany(e => e.GetProperty("changes").EnumerateArray())
                .Where(c => $"{c.GetProperty("entity").GetString()}:{c.GetProperty("key").GetString()}" == entity && c.GetProperty("change").GetString() == kind).ToList();
            found = changes.FirstOrDefault();
            return changes.Count > 0;
        }, TimeSpan.FromSeconds(60), $"a {kind} audit record of {entity}");
        return found;
    }

    private async Task AllSucceedAsync(string url, string token, string body, string mediaType = "application/json")
    {
        var puts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await _api.SendAsync(HttpMethod.Put, url, token, new StringContent(body, System.Text.Encoding.UTF8, mediaType));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(puts, p => Assert.True(p.StatusCode == HttpStatusCode.OK, $"{url}: {(int)p.StatusCode} {p.Body}"));
    }

    /// <summary>The policy's figures, without who stored it and when; keys in order (jsonb keeps them sorted).</summary>
    private static string Comparable(JsonElement policy) =>
        Canonical(policy.EnumerateObject().Where(p => p.Name is not ("updatedAt" or "updatedBy")).ToDictionary(p => p.Name, p => p.Value));

    private static string Canonical(Dictionary<string, JsonElement> properties) =>
        string.Join(",", properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Canonical(p.Value)}"));

    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => $"{{{Canonical(value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value))}}}",
        JsonValueKind.Array => $"[{string.Join(",", value.EnumerateArray().Select(Canonical))}]",
        _ => value.GetRawText(),
    };
}
