using Npgsql;

namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PersonnelImportTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task A_GBK_file_loads_its_good_lines_reports_each_bad_line_and_reimporting_it_changes_nothing()
    {
        var village = await _api.NewVillageAsync();
        var p = $"I{Guid.NewGuid():N}"[..12];
        var csv = $""""
            户号,村代码,村民小组,地址,状态,标签,姓名,与户主关系,身份证号,电话
            {p}-1,{village},第一村民小组,一组1号,常住,困难户、低保户,刘桂英,户主,11010519491231002X,13800138001
            {p}-1,{village},第一村民小组,一组1号,常住,困难户、低保户,陈建国,配偶,,13800138002
            {p}-1,{village},第一村民小组,一组1号,常住,困难户、低保户,陈小红,女,360702198003151238,
            {p}-2,{village},第二村民小组,二组5号,外出务工,,王福生,户主,440524198001010013,13900000001
            {p}-3,{Households.UnknownVillage},,三组,常住,,李四,户主,,
            {p}-4,{village},第二村民小组,二组8号,常住,,赵六,子,,
            {p}-5,{village},,"五组,9号",流动人口,,"钱""七""",户主,,
            """";
        var gbk = Gbk().GetBytes(csv);

        var first = await ImportAsync(gbk, $"{p}.csv");

        Assert.Equal("Completed", first.GetProperty("status").GetString());
        Assert.Equal("gb18030", first.GetProperty("encoding").GetString(), ignoreCase: true);
        Assert.Equal((3, 0, 0), (first.GetProperty("householdsInserted").GetInt32(), first.GetProperty("householdsUpdated").GetInt32(), first.GetProperty("householdsUnchanged").GetInt32()));
        var errors = first.GetProperty("firstErrors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(4, "id_number"), (6, "village_code"), (7, "relation")], errors);
        Assert.Equal(3, first.GetProperty("rowsRejected").GetInt32());

        var found = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households?householdNumber={p}-1", _api.TownStaff);
        var id = found.GetProperty("items")[0].GetProperty("id").GetGuid();
        var household = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households/{id}", _api.TownStaff);
        Assert.Equal(("刘桂英", 2), (household.GetProperty("headName").GetString(), household.GetProperty("members").GetArrayLength()));
        Assert.Equal(["困难户", "低保户"], household.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.NotNull(household.GetProperty("groupId").GetString());
        var quoted = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households?householdNumber={p}-5", _api.TownStaff);
        Assert.Equal(("钱\"七\"", "五组,9号"), (quoted.GetProperty("items")[0].GetProperty("headName").GetString(), quoted.GetProperty("items")[0].GetProperty("address").GetString()));
        var registered = await OutboxCountAsync(p);
        Assert.Equal(3, registered);

        var again = await ImportAsync(gbk, $"{p}.csv");

        Assert.Equal((0, 0, 3), (again.GetProperty("householdsInserted").GetInt32(), again.GetProperty("householdsUpdated").GetInt32(), again.GetProperty("householdsUnchanged").GetInt32()));
        Assert.Equal(registered, await OutboxCountAsync(p));
    }

    [Fact]
    public async Task A_changed_phone_updates_one_household_and_a_dropped_line_removes_its_member()
    {
        var village = await _api.NewVillageAsync();
        var p = $"J{Guid.NewGuid():N}"[..12];
        string Csv(string phone, bool withSpouse) => "household_number,village_code,address,name,relation,phone\n"
            + $"{p}-1,{village},1号,刘桂英,户主,{phone}\n"
            + (withSpouse ? $"{p}-1,{village},1号,陈建国,配偶,\n" : "")
            + $"{p}-2,{village},2号,王福生,户主,\n";

        await ImportAsync(Encoding.UTF8.GetBytes(Csv("13800138001", withSpouse: true)), "v1.csv");
        var second = await ImportAsync(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv("13800138009", withSpouse: false))).ToArray(), "v2.csv");

        Assert.Equal((0, 1, 1), (second.GetProperty("householdsInserted").GetInt32(), second.GetProperty("householdsUpdated").GetInt32(), second.GetProperty("householdsUnchanged").GetInt32()));
        Assert.Equal(1, second.GetProperty("membersRemoved").GetInt32());
        Assert.Equal(1, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages o, json_array_elements(o.payload->'updated') u WHERE u->>'householdNumber' = @n AND u->'members'->0->>'phone' = '13800138009'",
            ("n", $"{p}-1")));
    }

    [Fact]
    public async Task A_household_whose_lines_are_far_apart_loads_whole_across_chunks()
    {
        // Tests run imports in chunks of two households; the plan must keep -1's two lines in one chunk.
        var village = await _api.NewVillageAsync();
        var p = $"S{Guid.NewGuid():N}"[..12];
        var csv = "household_number,village_code,address,name,relation,phone\n"
            + $"{p}-1,{village},1号,刘桂英,户主,13800138001\n"
            + $"{p}-2,{village},2号,王福生,户主,\n"
            + $"{p}-3,{village},3号,赵六,户主,\n"
            + $"{p}-4,{village},4号,钱七,户主,\n"
            + $"{p}-1,{village},1号,陈建国,配偶,13800138002\n"
            + $"{p}-5,{village},5号,孙九,户主,\n"
            + $"{p}-6,{village},6号,周十,户主,\n";

        var job = await ImportAsync(Encoding.UTF8.GetBytes(csv), "scattered.csv");

        Assert.Equal(("Completed", 6, 7), (job.GetProperty("status").GetString(), job.GetProperty("householdsInserted").GetInt32(), job.GetProperty("membersWritten").GetInt32()));
        var found = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households?householdNumber={p}-1", _api.TownStaff);
        var household = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/households/{found.GetProperty("items")[0].GetProperty("id").GetGuid()}", _api.TownStaff);
        Assert.Equal(["刘桂英", "陈建国"], household.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order());
        Assert.Equal(2, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages o, json_array_elements(o.payload->'registered') r, json_array_elements(r->'members') m WHERE r->>'householdNumber' = @p AND m->>'phone' IS NOT NULL",
            ("p", $"{p}-1")));

        const string RowVersions = "SELECT sum(m.xmin::text::bigint + h.xmin::text::bigint) FROM household_members m JOIN households h ON h.id = m.household_id WHERE h.household_number LIKE @p";
        var versions = await platform.CountAsync("personneldb", RowVersions, ("p", p + "%"));

        var again = await ImportAsync(Encoding.UTF8.GetBytes(csv), "scattered.csv");

        Assert.Equal((0, 0, 6, 0), (again.GetProperty("householdsInserted").GetInt32(), again.GetProperty("householdsUpdated").GetInt32(),
            again.GetProperty("householdsUnchanged").GetInt32(), again.GetProperty("membersRemoved").GetInt32()));
        // Nothing rewritten (a new row version has a new xmin) and nothing even locked (a lock sets xmax).
        Assert.Equal(versions, await platform.CountAsync("personneldb", RowVersions, ("p", p + "%")));
        Assert.Equal(0, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM household_members m JOIN households h ON h.id = m.household_id WHERE h.household_number LIKE @p AND (m.xmax::text <> '0' OR h.xmax::text <> '0')",
            ("p", p + "%")));
    }

    [Fact]
    public async Task A_household_registered_while_its_chunk_is_written_is_merged_not_lost()
    {
        var village = await _api.NewVillageAsync();
        var p = $"R{Guid.NewGuid():N}"[..12];
        var csv = "household_number,village_code,address,name,relation\n"
            + $"{p}-1,{village},1号,刘桂英,户主\n{p}-1,{village},1号,陈建国,配偶\n"
            + $"{p}-2,{village},2号,王福生,户主\n";

        // Another transaction registers -1 and holds it uncommitted: the import does not see it when it
        // looks, and its COPY then waits on the household number until that transaction commits.
        await using var other = new NpgsqlConnection(platform.DatabaseConnectionString("personneldb"));
        await other.OpenAsync();
        await using var registration = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO households (id, household_number, village_code, address, head_name, status, registered_at, registered_by, tags, updated_at)
            VALUES (gen_random_uuid(), @number, @village, '旧地址', '刘桂英', 'Resident', @now, 'clerk', '{}', @now)
            """, other, registration))
        {
            insert.Parameters.AddWithValue("number", $"{p}-1");
            insert.Parameters.AddWithValue("village", village);
            insert.Parameters.AddWithValue("now", platform.Clock.GetUtcNow());
            await insert.ExecuteNonQueryAsync();
        }

        var location = await StartImportAsync(Encoding.UTF8.GetBytes(csv), "race.csv");
        await Eventually.HoldsAsync(async () => await platform.CountAsync("personneldb",
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'personneldb' AND wait_event_type = 'Lock' AND query LIKE 'COPY households%'") > 0,
            TimeSpan.FromSeconds(30), "the import's COPY to wait on the uncommitted household");
        await registration.CommitAsync();
        var job = await FinishedAsync(location);

        Assert.Equal(("Completed", 1, 1), (job.GetProperty("status").GetString(), job.GetProperty("householdsInserted").GetInt32(), job.GetProperty("householdsUpdated").GetInt32()));
        Assert.Equal(1, await platform.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n AND address = '1号'", ("n", $"{p}-1")));
        Assert.Equal(2, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM household_members m JOIN households h ON h.id = m.household_id WHERE h.household_number = @n", ("n", $"{p}-1")));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_fails_and_changes_nothing()
    {
        var job = await ImportAsync(Encoding.UTF8.GetBytes("户号,姓名\nX-1,张三\n"), "bad.csv");

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Contains("village_code", job.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task Retrying_an_upload_with_its_Idempotency_Key_returns_the_same_import()
    {
        var village = await _api.NewVillageAsync();
        var number = $"K-{Guid.NewGuid():N}"[..20];
        var body = Encoding.UTF8.GetBytes($"household_number,village_code,address,name,relation\n{number},{village},1号,张三,户主\n");
        var key = Guid.NewGuid().ToString();

        using var first = await Upload(body, key);
        using var retry = await Upload(body, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));

        Task<HttpResponseMessage> Upload(byte[] content, string idempotencyKey) =>
            _api.SendAsync(HttpMethod.Post, "/api/personnel/imports?fileName=retry.csv", _api.TownStaff, new ByteArrayContent(content),
                r => r.Headers.Add("Idempotency-Key", idempotencyKey));
    }

    private async Task<JsonElement> ImportAsync(byte[] file, string name) => await FinishedAsync(await StartImportAsync(file, name));

    private async Task<string> StartImportAsync(byte[] file, string name)
    {
        using var response = await _api.SendAsync(HttpMethod.Post, $"/api/personnel/imports?fileName={name}", _api.TownStaff,
            new ByteArrayContent(file) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private async Task<JsonElement> FinishedAsync(string location)
    {
        JsonElement job = default;
        await Eventually.HoldsAsync(async () =>
        {
            job = await _api.OkAsync(HttpMethod.Get, location, _api.TownStaff);
            return job.GetProperty("status").GetString() is "Completed" or "Failed";
        }, TimeSpan.FromSeconds(30), $"import {location} to finish");
        return job;
    }

    /// <summary>Households announced by imports (HouseholdsImported carries them in its registered list).</summary>
    private Task<long> OutboxCountAsync(string prefix) => platform.CountAsync("personneldb",
        "SELECT count(*) FROM outbox_messages o, json_array_elements(o.payload->'registered') r WHERE r->>'householdNumber' LIKE @p", ("p", prefix + "%"));

    private static Encoding Gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }
}
