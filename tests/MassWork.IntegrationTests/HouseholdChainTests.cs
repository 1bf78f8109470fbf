using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassWork.Contracts.Personnel.V1;
using MassWork.IntegrationTests.Infrastructure;

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

            // The event waits in the outbox, unsent, while the broker is away.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(1, await platform.CountAsync("personneldb",
                "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND sent_at IS NULL", ("id", id.ToString())));
            Assert.Equal(0, await NoticeCountAsync(id));
        }
        finally
        {
            await platform.Infrastructure.StartBrokerAsync();
        }

        await Eventually.HoldsAsync(async () => await NoticeCountAsync(id) > 0, TimeSpan.FromSeconds(90), "the notice after the broker returned");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await NoticeCountAsync(id));
        Assert.Equal(1, await platform.CountAsync("personneldb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND sent_at IS NOT NULL", ("id", id.ToString())));
    }

    [Fact]
    public async Task A_message_delivered_twice_has_one_effect()
    {
        var householdId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var message = new HouseholdRegistered(householdId, Households.NewNumber(), Households.Village, "王建国", DateTimeOffset.UtcNow,
            "和平路12号", "Resident", [], [new HouseholdMemberContact(Guid.NewGuid(), "王建国", "户主", true, "13800138000")]);

        await platform.PublishAsync(message, messageId, times: 2);

        await Eventually.HoldsAsync(async () => await NoticeCountAsync(householdId) > 0, TimeSpan.FromSeconds(30), "the notice");
        await Eventually.HoldsAsync(
            async () => await platform.CountAsync("notificationsdb", "SELECT count(*) FROM inbox_messages WHERE message_id = @m", ("m", messageId)) == 1,
            TimeSpan.FromSeconds(10), "the inbox entry");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await NoticeCountAsync(householdId));
    }

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
