using MassWork.Contracts.Personnel.V1;

namespace MassWork.IntegrationTests;

/// <summary>
/// SMS through the simulator (an Aliyun-shaped HTTP server): once per event, retries and failover,
/// receipts. Quiet hours, opt-out and broadcasts at night move the clock, so they are tested with the
/// service in-process (MassWork.ServiceTests).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NotificationTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);
    private string Operator => platform.Token("3607", Roles.Operator, "sms-operator");

    private static string NewPhone() => $"137{Random.Shared.Next(0, 100_000_000):D8}";

    private async Task<JsonElement[]> SimulatedAsync(string phone) =>
        (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray().ToArray();

    private async Task<JsonElement[]> MessagesAsync(string phone) =>
        (await _api.OkAsync(HttpMethod.Get, $"/api/notifications/messages?phone={phone}", Operator)).GetProperty("messages").EnumerateArray().ToArray();

    private async Task<JsonElement> SettledAsync(string phone, string status, string what)
    {
        JsonElement message = default;
        await Eventually.HoldsAsync(async () =>
        {
            var all = await MessagesAsync(phone);
            message = all.FirstOrDefault(m => m.GetProperty("status").GetString() == status);
            return message.ValueKind != JsonValueKind.Undefined;
        }, TimeSpan.FromSeconds(40), what);
        return message;
    }

    private async Task BehaveAsync(string account, double failureRate, string code = "isv.BUSINESS_LIMIT_CONTROL", string mode = "Refuse")
    {
        using var response = await platform.Simulator.PutAsJsonAsync($"/simulator/accounts/sim-{account}/behaviour", new { failureRate, failCode = code, mode });
        response.EnsureSuccessStatusCode();
    }

    private Task PublishTwiceAsync<T>(T message, Guid messageId)
        where T : class => platform.PublishAsync(message, messageId, times: 2);

    private PairingStarted Pairing(string phone) => new(Guid.NewGuid(), "Resident", platform.Clock.GetUtcNow(), Guid.NewGuid(), Households.NewNumber(), Households.Village, "刘桂英",
        [new HouseholdMemberContact(Guid.NewGuid(), "刘桂英", "户主", true, phone)], Guid.NewGuid(), "宋明辉", "13970701234", "赣州市水利局");

    [Fact]
    public async Task An_event_delivered_twice_sends_exactly_one_SMS_and_its_receipt_marks_it_delivered()
    {
        var phone = NewPhone();
        await PublishTwiceAsync(Pairing(phone), Guid.NewGuid());

        var delivered = await SettledAsync(phone, "Delivered", "the contact card delivered");
        // Events are consumed in the order published: once a later one's SMS is delivered, the duplicate was handled.
        var later = NewPhone();
        await platform.PublishAsync(Pairing(later), Guid.NewGuid());
        await SettledAsync(later, "Delivered", "a later event's SMS");

        var simulated = Assert.Single(await SimulatedAsync(phone));
        Assert.Equal("contact-card", simulated.GetProperty("templateCode").GetString());
        Assert.Contains("宋明辉", simulated.GetProperty("templateParam").GetString());
        Assert.Single(await MessagesAsync(phone));
        Assert.Equal("137****" + phone[^4..], delivered.GetProperty("phone").GetString());
        Assert.Equal(1, delivered.GetProperty("segments").GetInt32());
        Assert.StartsWith("【赣州群众工作】刘桂英您好", delivered.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_refusing_provider_is_retried_then_the_backup_takes_over()
    {
        var phone = NewPhone();
        await BehaveAsync("aliyun-primary", 1.0);
        try
        {
            await PublishTwiceAsync(Pairing(phone), Guid.NewGuid());
            var sent = await SettledAsync(phone, "Delivered", "delivery through the backup provider");

            Assert.Equal(("aliyun-backup", 4), (sent.GetProperty("provider").GetString(), sent.GetProperty("attempts").GetInt32()));
            Assert.Equal("aliyun-backup", Assert.Single(await SimulatedAsync(phone)).GetProperty("account").GetString());
        }
        finally
        {
            await BehaveAsync("aliyun-primary", 0);
        }
    }

    [Fact]
    public async Task A_call_with_no_readable_answer_is_looked_up_before_it_is_sent_again_and_goes_once()
    {
        var phone = NewPhone();
        await BehaveAsync("aliyun-primary", 1.0, mode: "ServerError");
        try
        {
            await PublishTwiceAsync(Pairing(phone), Guid.NewGuid());
            await SettledAsync(phone, "Delivered", "delivery after the in-doubt calls were checked");

            Assert.Single(await SimulatedAsync(phone));
        }
        finally
        {
            await BehaveAsync("aliyun-primary", 0);
        }
    }

    [Fact]
    public async Task A_message_both_providers_refuse_for_good_is_dead_lettered_and_an_operator_retry_sends_it()
    {
        var phone = NewPhone();
        await BehaveAsync("aliyun-primary", 1.0, "isv.TEMPLATE_MISSING_PARAMETERS");
        JsonElement failed;
        try
        {
            await PublishTwiceAsync(Pairing(phone), Guid.NewGuid());
            failed = await SettledAsync(phone, "Failed", "the dead letter");
        }
        finally
        {
            await BehaveAsync("aliyun-primary", 0);
        }

        var id = failed.GetProperty("id").GetGuid();
        var deadLetters = await _api.OkAsync(HttpMethod.Get, "/api/notifications/dead-letters?pageSize=500", Operator);
        Assert.Contains(deadLetters.GetProperty("messages").EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.Contains("isv.TEMPLATE_MISSING_PARAMETERS", failed.GetProperty("lastError").GetString());

        await _api.OkAsync(HttpMethod.Post, $"/api/notifications/messages/{id}/retry", Operator, new { });
        await SettledAsync(phone, "Delivered", "delivery after the operator's retry");
    }

    [Fact]
    public async Task Bad_broadcasts_and_templates_get_400_naming_the_field()
    {
        var town = platform.Token("360702", Roles.TownStaff, "broadcaster");
        using var missingValue = await _api.SendAsync(HttpMethod.Post, "/api/notifications/broadcasts/preview", town,
            JsonContent.Create(new { regionPrefix = "360702", templateCode = "policy-broadcast" }));
        Assert.Equal(HttpStatusCode.BadRequest, missingValue.StatusCode);
        Assert.Contains("content", (await missingValue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("values")[0].GetString());

        using var serviceTemplate = await _api.SendAsync(HttpMethod.Post, "/api/notifications/broadcasts", town,
            JsonContent.Create(new { regionPrefix = "360702", templateCode = "contact-card", values = new { } }));
        Assert.True((await serviceTemplate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("templateCode", out _));

        using var outside = await _api.SendAsync(HttpMethod.Post, "/api/notifications/broadcasts/preview", town,
            JsonContent.Create(new { regionPrefix = "360703", templateCode = "policy-broadcast", values = new { content = "x" } }));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);

        using var badTemplate = await _api.SendAsync(HttpMethod.Put, "/api/notifications/templates/broken", Operator,
            JsonContent.Create(new { name = "坏模板", signature = "赣州群众工作", text = "您好${name" }));
        Assert.Equal(HttpStatusCode.BadRequest, badTemplate.StatusCode);
        Assert.True((await badTemplate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));

        var rendered = await _api.OkAsync(HttpMethod.Post, "/api/notifications/templates/policy-broadcast/render", town,
            new { values = new Dictionary<string, string> { ["content"] = new string('政', 80) } });
        Assert.Equal((2, 92), (rendered.GetProperty("segments").GetInt32(), rendered.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task A_petitioner_hears_that_the_matter_is_registered_and_then_accepted()
    {
        var village = await _api.NewVillageAsync();
        var phone = NewPhone();
        var town = platform.Token(village[..9], Roles.TownStaff, "petition-clerk");
        var id = (await _api.CreatedAsync("/api/petitions/cases", town, new
        {
            channel = "Phone", matterType = "Request", categoryCode = "drinking-water", regionCode = village,
            petitioner = new { name = "刘建国", phone }, content = "自来水连续三天浑浊",
        })).GetProperty("id").GetGuid();
        await _api.OkAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/assign", town, new { kind = "Region", code = village[..9] + "000" });
        await _api.OkAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/accept", town, new { });

        await Eventually.HoldsAsync(async () => (await SimulatedAsync(phone)).Length == 2, TimeSpan.FromSeconds(30), "two SMS to the petitioner");
        var sent = await SimulatedAsync(phone);
        Assert.Equal(["petition-accepted", "petition-registered"], sent.Select(m => m.GetProperty("templateCode").GetString()).Order());
        Assert.Contains("饮水安全", sent.Single(m => m.GetProperty("templateCode").GetString() == "petition-registered").GetProperty("templateParam").GetString());
    }

    [Fact]
    public async Task A_household_raising_a_matter_without_a_phone_of_its_own_hears_back_on_the_heads_phone()
    {
        var village = await _api.NewVillageAsync();
        var phone = NewPhone();
        var household = await _api.RegisterHouseholdAsync(village, "钟秀兰", phone: phone);
        await Eventually.HoldsAsync(
            async () => await platform.CountAsync("petitionsdb", "SELECT count(*) FROM households WHERE id = @id", ("id", household)) == 1,
            TimeSpan.FromSeconds(30), "the petitions read model receives the household");

        await _api.CreatedAsync("/api/petitions/cases", platform.Token(village[..9], Roles.TownStaff, "petition-clerk"), new
        {
            channel = "Visit", matterType = "Request", categoryCode = "roads-irrigation", householdId = household, content = "村口水渠堵塞，田里排不出水",
        });

        await Eventually.HoldsAsync(async () => (await SimulatedAsync(phone)).Any(m => m.GetProperty("templateCode").GetString() == "petition-registered"),
            TimeSpan.FromSeconds(30), "the registered notice on the head's phone");
    }
}
