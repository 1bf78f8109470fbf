namespace MassWork.IntegrationTests;

/// <summary>
/// Each city's stored policies through the gateway (petitions' time limits, projects' approval
/// thresholds, visits' frequency, personnel's coverage): a city's first edits sent at once all
/// succeed and one of them is kept, and each edit is in the audit log with its values before and
/// after, like any other settings change.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CityPolicyTests(PlatformFixture platform)
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

        var edits = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await _api.SendAsync(HttpMethod.Put, $"{path}/{city}", operatorToken,
                new StringContent(policy.GetRawText(), System.Text.Encoding.UTF8, "application/json"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(edits, e => Assert.True(e.StatusCode == HttpStatusCode.OK, $"{(int)e.StatusCode} {e.Body}"));
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
