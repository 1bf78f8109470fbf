using MassWork.Contracts.Projects.V1;
using MassWork.Contracts.Visits.V1;
using Npgsql;

namespace MassWork.IntegrationTests;

/// <summary>
/// What a project's events do in the other services, through the gateway: a completed project
/// answers the cases it was linked to (once, a closed case left as it is), its beneficiary
/// households get one SMS each, and the published project is on the village notice board until its
/// publicity period ends. A redelivery is the same event published again under a new message id,
/// as a publisher that lost its confirm would send it; it is known to be handled once the
/// consumer's inbox holds its id.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectEventTests(PlatformFixture platform)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    private readonly ProjectsApi _projects = new(platform);
    private readonly PetitionsApi _petitions = new(platform);

    private PersonnelApi Api => _petitions.Personnel;

    private string Operator => platform.Token("3607", Roles.Operator, "sms-operator");

    private static string NewPhone() => $"137{Random.Shared.Next(0, 100_000_000):D8}";

    /// <summary>A project in the village through approval and work to 验收, linked to the demands, for the households.</summary>
    private async Task<Guid> CompletedAsync(string village, Guid[] demands, Guid[] households, string title = "和平村通组公路硬化及排水沟")
    {
        var town = _projects.Town(village);
        var id = (await Api.CreatedAsync("/api/projects", town, new
        {
            title, category = "Road", regionCode = village, proposer = "VillageCommittee", estimatedCostFen = 3_000_000,
            linkedDemandIds = demands, beneficiaryHouseholdIds = households.Length > 0 ? households : null, beneficiaryCount = households.Length > 0 ? (int?)null : 40,
        })).GetProperty("id").GetGuid();
        await _projects.FundingAsync(id, town, new { sources = new[] { new { source = "CityFund", amountFen = 3_000_000 } } });
        await _projects.StepAsync(id, "approve", town);
        await _projects.StepAsync(id, "start", town);
        await _projects.StepAsync(id, "accept", town);
        return id;
    }

    /// <summary>The ProjectCompleted the projects service wrote to its outbox, published again under a new message id; returns once the consumer recorded it.</summary>
    private async Task RedeliverCompletedAsync(Guid project, string database, string consumer)
    {
        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("projectsdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payload::text FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE 'MassWork.Contracts.Projects.V1.ProjectCompleted,%'", connection);
        command.Parameters.AddWithValue("id", project.ToString());
        var completed = JsonSerializer.Deserialize<ProjectCompleted>((string)(await command.ExecuteScalarAsync())!, JsonSerializerOptions.Web)!;
        var messageId = Guid.NewGuid();
        await platform.PublishAsync(completed, messageId);
        await Eventually.HoldsAsync(async () => await platform.CountAsync(database, "SELECT count(*) FROM inbox_messages WHERE message_id = @id AND consumer = @consumer",
            ("id", messageId), ("consumer", consumer)) == 1, Wait, $"the redelivered ProjectCompleted handled by {database}");
    }

    private async Task<JsonElement> CaseAsync(Guid id, string village, Func<JsonElement, bool> until, string what)
    {
        JsonElement c = default;
        await Eventually.HoldsAsync(async () => until(c = await _petitions.GetAsync(id, _petitions.Town(village))), Wait, what);
        return c;
    }

    [Fact]
    public async Task A_completed_project_answers_its_linked_case_and_visit_demand_once_and_leaves_a_closed_case_as_it_is()
    {
        var (open, village, household) = await _petitions.AcceptedCaseAsync("roads-irrigation");
        var town = _petitions.Town(village);
        var closed = (await _petitions.RequestCase(household, town, "drinking-water")).GetProperty("id").GetGuid();
        await _petitions.StepAsync(closed, "assign", town, new { kind = "Region", code = village[..9] + "000", name = "测试镇人民政府" });
        await _petitions.StepAsync(closed, "accept", town);
        await _petitions.StepAsync(closed, "answer", town, new { outcome = "Supported", opinion = "已临时接通自来水" });
        await _petitions.StepAsync(closed, "revisit", town, new { satisfaction = "Satisfied", handlerAtFault = false });
        var demand = Guid.NewGuid();
        await platform.PublishAsync(new DemandRaisedInVisit(demand, Guid.NewGuid(), household, village, "sanitation", "Suggestion", "建议修建村组公共厕所并接入排水沟",
            platform.Clock.GetUtcNow(), "visit-cadre", []), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await platform.CountAsync("petitionsdb", "SELECT count(*) FROM cases WHERE source_demand_id = @d", ("d", demand)) == 1,
            Wait, "the visit demand registered as a case");

        // Another village's case linked by mistake, or on purpose: the project does not answer it.
        var (elsewhere, otherVillage, _) = await _petitions.AcceptedCaseAsync("roads-irrigation");

        var project = await CompletedAsync(village, [open, closed, demand, elsewhere], []);

        var answered = await CaseAsync(open, village, c => c.GetProperty("status").GetString() == "Answered", "the linked case answered by the project");
        Assert.Equal((project, "Supported"), (answered.GetProperty("resolvedByProjectId").GetGuid(), answered.GetProperty("outcome").GetString()));
        Assert.Contains("和平村通组公路硬化及排水沟", answered.GetProperty("opinion").GetString());
        var step = answered.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("ResolveByProject", "Accepted", "Answered"), (step.GetProperty("action").GetString(), step.GetProperty("fromStatus").GetString(), step.GetProperty("toStatus").GetString()));
        Assert.Contains(answered.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "Revisit" && d.GetProperty("metAt").ValueKind == JsonValueKind.Null);

        await using (var connection = new NpgsqlConnection(platform.DatabaseConnectionString("petitionsdb")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT id FROM cases WHERE source_demand_id = @d", connection);
            command.Parameters.AddWithValue("d", demand);
            var fromVisit = await CaseAsync((Guid)(await command.ExecuteScalarAsync())!, village, c => c.GetProperty("status").GetString() == "Answered", "the visit demand's case answered");
            Assert.Equal((project, "Adopted"), (fromVisit.GetProperty("resolvedByProjectId").GetGuid(), fromVisit.GetProperty("outcome").GetString()));
        }

        await RedeliverCompletedAsync(project, "petitionsdb", "ProjectCompletedConsumer");

        var outside = await _petitions.GetAsync(elsewhere, _petitions.Town(otherVillage));
        Assert.Equal(("Accepted", JsonValueKind.Null), (outside.GetProperty("status").GetString(), outside.GetProperty("resolvedByProjectId").ValueKind));
        var again = await _petitions.GetAsync(open, town);
        Assert.Single(PetitionsApi.Actions(again), a => a == "ResolveByProject");
        Assert.Equal(1, await _petitions.EventsAsync(open, "PetitionAnswered"));
        var untouched = await _petitions.GetAsync(closed, town);
        Assert.Equal(("Closed", "已临时接通自来水", JsonValueKind.Null), (untouched.GetProperty("status").GetString(), untouched.GetProperty("opinion").GetString(),
            untouched.GetProperty("resolvedByProjectId").ValueKind));
        Assert.DoesNotContain("ResolveByProject", PetitionsApi.Actions(untouched));
    }

    [Fact]
    public async Task Each_beneficiary_household_gets_one_completion_SMS_however_often_the_event_arrives()
    {
        var village = await Api.NewVillageAsync();
        var phones = new[] { NewPhone(), NewPhone() };
        var households = new List<Guid>();
        foreach (var phone in phones)
        {
            households.Add(await Api.RegisterHouseholdAsync(village, "钟秀兰", phone: phone));
            // The welcome notice shows the household's phone reached the notifications service.
            await Eventually.HoldsAsync(async () => (await MessagesAsync(phone)).Any(m => m.GetProperty("templateCode").GetString() == "household-welcome"), Wait,
                "the household known to notifications");
        }

        // A household of another village listed by mistake hears nothing of this village's project.
        var otherPhone = NewPhone();
        var other = await Api.RegisterHouseholdAsync(await Api.NewVillageAsync(), "钟秀兰", phone: otherPhone);
        await Eventually.HoldsAsync(async () => (await MessagesAsync(otherPhone)).Any(m => m.GetProperty("templateCode").GetString() == "household-welcome"), Wait,
            "the other household known to notifications");

        var project = await CompletedAsync(village, [], [.. households, other, Guid.NewGuid()], "和平村安全饮水管网改造");

        foreach (var phone in phones)
        {
            await Eventually.HoldsAsync(async () => (await MessagesAsync(phone)).Any(m => m.GetProperty("templateCode").GetString() == "project-completed"
                && m.GetProperty("status").GetString() == "Delivered"), Wait, "the completion notice delivered");
        }

        await RedeliverCompletedAsync(project, "notificationsdb", "ProjectCompletedConsumer");

        foreach (var (phone, household) in phones.Zip(households))
        {
            var notice = Assert.Single(await MessagesAsync(phone), m => m.GetProperty("templateCode").GetString() == "project-completed");
            Assert.Equal((household, village), (notice.GetProperty("householdId").GetGuid(), notice.GetProperty("regionCode").GetString()));
            Assert.Equal("【赣州群众工作】您好，惠及您户的为民办实事项目“和平村安全饮水管网改造”已竣工验收，将在村务公开栏公示，欢迎监督。", notice.GetProperty("text").GetString());
            var simulated = (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray();
            Assert.Single(simulated, m => m.GetProperty("templateCode").GetString() == "project-completed");
        }

        Assert.DoesNotContain(await MessagesAsync(otherPhone), m => m.GetProperty("templateCode").GetString() == "project-completed");
    }

    [Fact]
    public async Task A_published_project_is_on_its_village_notice_board_with_its_money_and_leaves_it_when_the_publicity_period_ends()
    {
        var village = await Api.NewVillageAsync();
        var town = _projects.Town(village);
        var id = (await _projects.ProposeAsync(village, 3_000_000)).GetProperty("id").GetGuid();
        await _projects.FundingAsync(id, town, new { sources = new[] { new { source = "CityFund", amountFen = 3_000_000 } } });
        await _projects.StepAsync(id, "approve", town);
        await _projects.StepAsync(id, "start", town);
        await _projects.EntryAsync(id, town, new { kind = "Budget", source = "CityFund", amountFen = 3_000_000 });
        await _projects.EntryAsync(id, town, new { kind = "Allocation", source = "CityFund", amountFen = 3_000_000 });
        await _projects.EntryAsync(id, town, new { kind = "Payment", source = "CityFund", amountFen = 2_800_000, payee = "赣州路桥建设有限公司" });
        await _projects.StepAsync(id, "accept", town);
        var published = await _projects.StepAsync(id, "publish", town);
        var publishedAt = published.GetProperty("publishedAt").GetDateTimeOffset();
        var villageStaff = platform.Token(village, Roles.VillageStaff);

        JsonElement board = default;
        await Eventually.HoldsAsync(async () =>
        {
            board = await Api.OkAsync(HttpMethod.Get, $"/api/personnel/notice-board/{village}", villageStaff);
            return board.GetProperty("projects").GetArrayLength() == 1;
        }, Wait, "the published project on the village board");
        var notice = board.GetProperty("projects")[0];
        Assert.Equal((id, "上坪组通组公路硬化", 3_000_000L, 2_800_000L, 86), (notice.GetProperty("projectId").GetGuid(), notice.GetProperty("title").GetString(),
            notice.GetProperty("budgetFen").GetInt64(), notice.GetProperty("paidFen").GetInt64(), notice.GetProperty("beneficiaryCount").GetInt32()));
        Assert.Equal(("赣州路桥建设有限公司", 2_800_000L), (notice.GetProperty("payees")[0].GetProperty("payee").GetString(), notice.GetProperty("payees")[0].GetProperty("paidFen").GetInt64()));
        Assert.True((notice.GetProperty("onNoticeUntil").GetDateTimeOffset() - publishedAt.AddDays(30)).Duration() < TimeSpan.FromMilliseconds(1), "on notice for Projects:PublicityDays (30)");
        Assert.EndsWith("+08:00", notice.GetProperty("publishedAt").GetString());

        // The period ends two seconds from now by the platform's clock, as it would 30 days after publication.
        await using (var connection = new NpgsqlConnection(platform.DatabaseConnectionString("personneldb")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE village_projects SET on_notice_until = @until WHERE project_id = @id", connection);
            command.Parameters.AddWithValue("until", platform.Clock.GetUtcNow().AddSeconds(2));
            command.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await Eventually.HoldsAsync(async () => (await Api.OkAsync(HttpMethod.Get, $"/api/personnel/notice-board/{village}", villageStaff)).GetProperty("projects").GetArrayLength() == 0,
            Wait, "the project off the board once its publicity period ended");
        Assert.Equal(1, await platform.CountAsync("personneldb", "SELECT count(*) FROM village_projects WHERE project_id = @id", ("id", id)));
    }

    private async Task<JsonElement[]> MessagesAsync(string phone) =>
        (await Api.OkAsync(HttpMethod.Get, $"/api/notifications/messages?phone={phone}", Operator)).GetProperty("messages").EnumerateArray().ToArray();
}
