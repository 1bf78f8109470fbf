using MassWork.Contracts.Petitions.V1;

namespace MassWork.IntegrationTests;

/// <summary>Gateway → personnel → PostgreSQL + outbox → RabbitMQ → notifications, exactly once.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HouseholdChainTests(PlatformFixture platform)
{
    [Fact]
    public async Task Registered_household_gets_its_welcome_SMS_within_seconds()
    {
        var token = platform.Token();
        var number = Households.NewNumber();

        using var response = await platform.Gateway.SendAsync(
            platform.Request(HttpMethod.Post, "/api/personnel/households", token, Households.Body(number)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/personnel/households/{id}", response.Headers.Location?.ToString());
        Assert.Equal(number, created.GetProperty("householdNumber").GetString());

        using var fetched = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, $"/api/personnel/households/{id}", token));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);

        var notices = await WaitForNoticesAsync(id, token, TimeSpan.FromSeconds(15));
        var notice = Assert.Single(notices.EnumerateArray());
        Assert.Equal(("household-welcome", "138****8000"), (notice.GetProperty("templateCode").GetString(), notice.GetProperty("phone").GetString()));
        Assert.Contains(number, notice.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Household_registered_while_the_broker_is_down_gets_its_notice_exactly_once_after_it_returns()
    {
        var token = platform.Token();
        var number = Households.NewNumber();
        Guid id;

        await platform.Infrastructure.StopBrokerAsync();
        try
        {
            using var response = await platform.Gateway.SendAsync(
                platform.Request(HttpMethod.Post, "/api/personnel/households", token, Households.Body(number)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            // The relay tries, fails, and keeps the event in the outbox while the broker is away.
            await Eventually.HoldsAsync(async () => await platform.CountAsync("personneldb",
                "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND sent_at IS NULL AND attempts > 0", ("id", id.ToString())) == 1,
                TimeSpan.FromSeconds(30), "a failed relay attempt while the broker is down");
            Assert.Equal(0, await NoticeCountAsync(id));
        }
        finally
        {
            await platform.StartBrokerAsync();
        }

        await Eventually.HoldsAsync(async () => await NoticeCountAsync(id) > 0, TimeSpan.FromSeconds(90), "the notice after the broker returned");
        await Eventually.HoldsAsync(async () => await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND sent_at IS NOT NULL", ("id", id.ToString())) == 1,
            TimeSpan.FromSeconds(30), "the outbox row marked sent");

        // A household registered after the outage reaches notifications only after anything the relay sent before it.
        using var later = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Post, "/api/personnel/households", token, Households.Body(Households.NewNumber())));
        var laterId = (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.HoldsAsync(async () => await NoticeCountAsync(laterId) > 0, TimeSpan.FromSeconds(30), "the notice of a household registered afterwards");

        Assert.Equal(1, await NoticeCountAsync(id));
    }

    /// <summary>
    /// Only the inbox protects this: a registration redelivered after the matter was refused would
    /// put the refused matter back on the village's board, since nothing else remembers it was there.
    /// </summary>
    [Fact]
    public async Task A_message_delivered_again_after_later_events_changes_nothing()
    {
        var village = Households.Village;
        var registered = Registration(village);
        var registrationId = Guid.NewGuid();

        await platform.PublishAsync(registered, registrationId);
        await Eventually.HoldsAsync(async () => await ProblemCountAsync(registered.Case.CaseId) == 1, TimeSpan.FromSeconds(30), "the problem on the board");
        await platform.PublishAsync(new PetitionNotAccepted(registered.Case, "不属于信访事项", platform.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await ProblemCountAsync(registered.Case.CaseId) == 0, TimeSpan.FromSeconds(30), "the refused matter off the board");

        await platform.PublishAsync(registered, registrationId);
        // The queue delivers in order: once a registration published after the redelivery is on the board, the redelivery was handled.
        var after = Registration(village);
        await platform.PublishAsync(after, Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await ProblemCountAsync(after.Case.CaseId) == 1, TimeSpan.FromSeconds(30), "the later registration on the board");

        Assert.Equal(0, await ProblemCountAsync(registered.Case.CaseId));
    }

    private PetitionRegistered Registration(string village)
    {
        var caseId = Guid.NewGuid();
        var reference = new PetitionCaseRef(caseId, $"T{caseId:N}"[..20], village, "Request", "roads-irrigation", "道路水利", "Registered", null, null, false,
            "Region", village[..9] + "000", "测试镇", null, null);
        return new PetitionRegistered(reference, "Visit", platform.Clock.GetUtcNow(), null, null, false, null);
    }

    private Task<long> ProblemCountAsync(Guid caseId) =>
        platform.CountAsync("personneldb", "SELECT count(*) FROM village_problems WHERE case_id = @id", ("id", caseId));

    private Task<long> NoticeCountAsync(Guid householdId) =>
        platform.CountAsync("notificationsdb", "SELECT count(*) FROM messages WHERE household_id = @id", ("id", householdId));

    private async Task<JsonElement> WaitForNoticesAsync(Guid householdId, string token, TimeSpan timeout)
    {
        JsonElement notices = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await platform.Gateway.SendAsync(
                platform.Request(HttpMethod.Get, $"/api/notifications/messages?householdId={householdId}", token));
            response.EnsureSuccessStatusCode();
            notices = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages");
            return notices.GetArrayLength() > 0;
        }, timeout, $"a notice for household {householdId}");
        return notices;
    }
}
