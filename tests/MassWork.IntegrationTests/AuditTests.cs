using Npgsql;

namespace MassWork.IntegrationTests;

/// <summary>
/// The audit log through the gateway: a settings change and a full read of personal data are
/// recorded by the services in the same transaction, chained by the identity service, and read by
/// the audit administrator alone — whose own reads are recorded too; an edited record breaks the
/// chain at that record.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    private string Auditor => platform.Token("3607", Roles.AuditAdmin, "test-auditor");

    [Fact]
    public async Task A_settings_change_is_recorded_with_who_what_and_its_values_before_and_after_for_the_audit_administrator_alone()
    {
        var code = $"audit-{Guid.NewGuid():N}"[..30];
        await _api.OkAsync(HttpMethod.Put, $"/api/petitions/categories/{code}", _api.Operator, new { name = "审计测试", group = "其他" });
        await _api.OkAsync(HttpMethod.Put, $"/api/petitions/categories/{code}", _api.Operator, new { name = "审计测试（改）", group = "其他" });

        var entries = await EntriesAsync($"entity=Category:{code}", 2);
        var change = entries[0].GetProperty("changes")[0];
        Assert.Equal("PUT /api/petitions/categories/{code}", entries[0].GetProperty("action").GetString());
        Assert.Equal("test-operator", entries[0].GetProperty("userId").GetString());
        Assert.Equal(["operator"], entries[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("MassWork.Petitions", entries[0].GetProperty("service").GetString());
        Assert.Equal("Modified", change.GetProperty("change").GetString());
        Assert.Equal("审计测试", change.GetProperty("before").GetProperty("Name").GetString());
        Assert.Equal("审计测试（改）", change.GetProperty("after").GetProperty("Name").GetString());
        Assert.Equal("Added", entries[1].GetProperty("changes")[0].GetProperty("change").GetString());

        using var operatorRead = await _api.SendAsync(HttpMethod.Get, "/api/identity/audit", _api.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, operatorRead.StatusCode);
        var ownReads = await _api.OkAsync(HttpMethod.Get, "/api/identity/audit?user=test-auditor&pageSize=500", Auditor);
        Assert.Contains(ownReads.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "GET /api/identity/audit/");
    }

    [Fact]
    public async Task A_full_read_of_an_ID_number_or_phone_is_recorded_without_the_value()
    {
        var village = await _api.NewVillageAsync();
        var household = await _api.RegisterHouseholdAsync(village, "邱玉珍", "360702198003151234", "13907970000");
        var member = (await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households/{household}", _api.TownStaff)).GetProperty("members")[0].GetProperty("id").GetGuid();
        await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households/{household}/members/{member}/personal-data?purpose=核实低保资格", _api.TownStaff);

        var entry = Assert.Single(await EntriesAsync("entity=PersonalDataRead:new&user=test-town-staff&pageSize=500", 1, e => e.GetProperty("changes").EnumerateArray()
            .Any(c => c.GetProperty("entity").GetString() == "PersonalDataRead" && c.GetProperty("after").GetProperty("SubjectId").GetString() == member.ToString())));
        Assert.Equal("new", entry.GetProperty("changes")[0].GetProperty("key").GetString());
        Assert.Equal("GET /api/personnel/households/{id:guid}/members/{memberId:guid}/personal-data", entry.GetProperty("action").GetString());
        Assert.DoesNotContain("13907970000", entry.GetRawText());
        Assert.DoesNotContain("360702198003151234", entry.GetRawText());
    }

    [Fact]
    public async Task Verification_finds_the_first_edited_record_and_the_chain_holds_again_once_it_is_restored()
    {
        var code = $"audit-{Guid.NewGuid():N}"[..30];
        await _api.OkAsync(HttpMethod.Put, $"/api/petitions/categories/{code}", _api.Operator, new { name = "链校验", group = "其他" });
        var sequence = (await EntriesAsync($"entity=Category:{code}", 1))[0].GetProperty("sequence").GetInt64();
        Assert.True((await _api.OkAsync(HttpMethod.Get, "/api/identity/audit/verify", Auditor)).GetProperty("intact").GetBoolean());

        await using var db = new NpgsqlConnection(platform.DatabaseConnectionString("identitydb"));
        await db.OpenAsync();
        await using (var edit = new NpgsqlCommand("UPDATE audit_entries SET user_id = 'someone-else' WHERE sequence = @s", db))
        {
            edit.Parameters.AddWithValue("s", sequence);
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var broken = await _api.OkAsync(HttpMethod.Get, "/api/identity/audit/verify", Auditor);
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(sequence, broken.GetProperty("break").GetProperty("sequence").GetInt64());

        await using (var restore = new NpgsqlCommand("UPDATE audit_entries SET user_id = 'test-operator' WHERE sequence = @s", db))
        {
            restore.Parameters.AddWithValue("s", sequence);
            await restore.ExecuteNonQueryAsync();
        }

        Assert.True((await _api.OkAsync(HttpMethod.Get, "/api/identity/audit/verify", Auditor)).GetProperty("intact").GetBoolean());
    }

    /// <summary>
    /// The audit administrator's view of the records the query finds and <paramref name="match"/>
    /// keeps, once there are at least <paramref name="count"/> (they arrive through the broker).
    /// </summary>
    private async Task<List<JsonElement>> EntriesAsync(string query, int count, Func<JsonElement, bool>? match = null)
    {
        var entries = new List<JsonElement>();
        await Eventually.HoldsAsync(async () =>
        {
            entries = [.. (await _api.OkAsync(HttpMethod.Get, $"/api/identity/audit?{query}", Auditor)).GetProperty("entries").EnumerateArray().Where(match ?? (_ => true))];
            return entries.Count >= count;
        }, TimeSpan.FromSeconds(60), $"{count} audit records for {query}");
        return entries;
    }
}
