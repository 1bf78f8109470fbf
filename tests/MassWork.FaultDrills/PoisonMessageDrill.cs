using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassWork.IntegrationTests.Infrastructure;
using MassWork.ServiceDefaults.Auth;
using Npgsql;
using Xunit.Abstractions;

namespace MassWork.FaultDrills;

[Collection(PlatformCollection.Name)]
public sealed class PoisonMessageDrill(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Queue = "notifications-household-registered";
    private const string Poison = "drill_poison";

    /// <summary>
    /// A registration whose welcome SMS notifications cannot write (a check the table refuses, as a
    /// bad migration would) fails through every retry and lands in the error queue; the operator
    /// sees it there through the gateway, the cause is removed, and the operator sends it back: the
    /// household gets its one SMS, and a second retry finds nothing left to send.
    /// </summary>
    [Fact]
    public async Task Poison_message_goes_to_the_error_queue_and_an_operator_retries_it_once()
    {
        var operatorToken = platform.Token("3607", Roles.Operator, "drill-operator");
        var failedBefore = await FailedAsync(operatorToken);
        await ExecuteAsync($"ALTER TABLE messages ADD CONSTRAINT {Poison} CHECK (template_code <> '{DrillCheck.WelcomeTemplate}') NOT VALID");
        IReadOnlyList<DrillHousehold> sent;
        JsonElement failed = default;
        try
        {
            sent = await new DrillWriter(platform).RegisterAsync(1, concurrency: 1);
            // Five retries, up to 10 s apart, then the error queue.
            await Eventually.HoldsAsync(async () =>
            {
                var report = await ListAsync(operatorToken, $"?queue={Queue}");
                failed = report.GetProperty("messages");
                return failed.GetArrayLength() > failedBefore;
            }, TimeSpan.FromMinutes(2), "the registration in notifications' error queue");
        }
        finally
        {
            await ExecuteAsync($"ALTER TABLE messages DROP CONSTRAINT IF EXISTS {Poison}");
        }

        var message = failed[failed.GetArrayLength() - 1];
        Assert.Equal(Queue, message.GetProperty("queue").GetString());
        Assert.Equal("HouseholdRegistered", message.GetProperty("messageType").GetString());
        Assert.Contains(Poison, message.GetProperty("reason").GetString());
        Assert.Equal(TimeSpan.FromHours(8), message.GetProperty("failedAt").GetDateTimeOffset().Offset);
        Assert.Equal(0, (await DrillCheck.NoticesAsync(platform, sent.Select(h => h.Id))).Notices);

        var messageId = message.GetProperty("messageId").GetGuid();
        var retried = await RetryAsync(operatorToken, new { queue = Queue, messageIds = new[] { messageId } });
        Assert.Equal(1, retried.GetProperty("retried").GetInt32());
        var result = await DrillCheck.CheckAsync(platform, output, "poison message → error queue → operator retry", sent, retried.GetProperty("retried").GetInt32());
        DrillCheck.AssertExactlyOnce(result);

        var again = await RetryAsync(operatorToken, new { queue = Queue, messageIds = new[] { messageId } });
        Assert.Equal(0, again.GetProperty("retried").GetInt32());
        Assert.Equal(messageId, Assert.Single(again.GetProperty("notFound").EnumerateArray()).GetGuid());
        Assert.Equal(failedBefore, await FailedAsync(operatorToken));
    }

    [Fact]
    public async Task Failed_messages_are_for_a_city_operator_and_bad_input_is_named()
    {
        using (var staff = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, "/api/notifications/failed-messages", platform.Token())))
        {
            Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        }

        using (var county = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, "/api/notifications/failed-messages", platform.Token(PlatformFixture.Region, Roles.Operator))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
        }

        var operatorToken = platform.Token("3607", Roles.Operator, "drill-operator");
        // Every service answers with its own queues; projects consumes no events, so it has none.
        foreach (var (service, consumes) in new[] { ("personnel", true), ("visits", true), ("petitions", true), ("projects", false), ("notifications", true), ("identity", true) })
        {
            var queues = (await ListAsync(operatorToken, "", service)).GetProperty("queues").EnumerateArray().Select(q => q.GetProperty("queue").GetString()!).ToList();
            Assert.True(consumes == queues.Count > 0, $"{service}: {string.Join(", ", queues)}");
            Assert.All(queues, q => Assert.StartsWith(service + "-", q));
        }

        await AssertInvalidAsync(platform.Request(HttpMethod.Get, "/api/notifications/failed-messages?queue=personnel-household-registered", operatorToken), "queue");
        await AssertInvalidAsync(platform.Request(HttpMethod.Get, "/api/notifications/failed-messages?limit=0", operatorToken), "limit");
        await AssertInvalidAsync(platform.Request(HttpMethod.Post, "/api/notifications/failed-messages/retry", operatorToken, JsonContent.Create(new { messageIds = Array.Empty<Guid>() })), "queue");
    }

    private async Task AssertInvalidAsync(HttpRequestMessage request, string field)
    {
        using (request)
        using (var response = await platform.Gateway.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"The problem names {field}: {problem}");
        }
    }

    private async Task<int> FailedAsync(string token) =>
        (await ListAsync(token, $"?queue={Queue}")).GetProperty("queues").EnumerateArray().Single().GetProperty("failed").GetInt32();

    private async Task<JsonElement> ListAsync(string token, string query, string service = "notifications")
    {
        using var response = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, $"/api/{service}/failed-messages{query}", token));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> RetryAsync(string token, object body)
    {
        using var response = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Post, "/api/notifications/failed-messages/retry", token, JsonContent.Create(body)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("notificationsdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
