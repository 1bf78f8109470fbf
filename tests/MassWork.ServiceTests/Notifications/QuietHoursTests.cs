using MassWork.Contracts.Personnel.V1;

namespace MassWork.ServiceTests.Notifications;

/// <summary>
/// Quiet hours (21:00–08:00 Shanghai) and opt-out, with the service's clock moved by the test:
/// what the SMS rules decide at each hour, whatever the hour the suite runs.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class QuietHoursTests(NotificationsFixture service)
{
    private static int _nextVillage = 200;

    private string Operator => service.Token("3607", Roles.Operator, "sms-operator");

    private static string NewPhone() => $"137{Random.Shared.Next(0, 100_000_000):D8}";

    /// <summary>A village of its own under one town, so each test's broadcast reaches only its households.</summary>
    private static string NewVillage() => $"360702001{Interlocked.Increment(ref _nextVillage):D3}";

    private async Task<JsonElement[]> MessagesAsync(string phone) =>
        (await service.SendAsync(HttpMethod.Get, $"/api/notifications/messages?phone={phone}", Operator)).GetProperty("messages").EnumerateArray().ToArray();

    private async Task<JsonElement> SettledAsync(string phone, string status, string what)
    {
        JsonElement message = default;
        JsonElement[] seen = [];
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                seen = await MessagesAsync(phone);
                message = seen.FirstOrDefault(m => m.GetProperty("status").GetString() == status);
                return message.ValueKind != JsonValueKind.Undefined;
            }, TimeSpan.FromSeconds(30), what);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; clock {service.Clock.GetUtcNow():O}; messages: {JsonSerializer.Serialize(seen)}", e);
        }

        return message;
    }

    private Task SimulatedAsync(string phone, string templateCode, string what) =>
        Eventually.HoldsAsync(async () => (await service.SimulatedAsync(phone)).Any(m => m.GetProperty("templateCode").GetString() == templateCode),
            TimeSpan.FromSeconds(30), what);

    /// <summary>Moves the clock forward to the next time the Shanghai clock reads <paramref name="time"/>.</summary>
    private DateTimeOffset MoveTo(TimeOnly time)
    {
        var now = ChinaTime.Local(service.Clock.GetUtcNow());
        var next = new DateTimeOffset(now.Date + time.ToTimeSpan(), TimeSpan.FromHours(8));
        if (next <= now)
        {
            next = next.AddDays(1);
        }

        service.SetClock(next);
        return next;
    }

    private PairingStarted Pairing(string phone) => new(Guid.NewGuid(), "Resident", service.Clock.GetUtcNow(), Guid.NewGuid(), $"H{Guid.NewGuid():N}"[..12], NewVillage(), "刘桂英",
        [new HouseholdMemberContact(Guid.NewGuid(), "刘桂英", "户主", true, phone)], Guid.NewGuid(), "宋明辉", "13970701234", "赣州市水利局");

    private async Task RegisterHouseholdAsync(string village, string head, string phone)
    {
        var id = Guid.NewGuid();
        await service.Infrastructure.PublishAsync(new HouseholdRegistered(id, $"H{id:N}"[..12], village, head, service.Clock.GetUtcNow(), "和平路1号", "Resident", [],
            [new HouseholdMemberContact(Guid.NewGuid(), head, "户主", true, phone)]), Guid.NewGuid());
        await SettledAsync(phone, "Delivered", $"the welcome SMS to {head}");
    }

    public static TheoryData<string, string?> Hours => new()
    {
        { "20:59:59", null },
        { "21:00:00", "08:00 the next day" },
        { "23:59:30", "08:00 the next day" },
        { "00:00:00", "08:00 the same day" },
        { "07:59:59", "08:00 the same day" },
        { "08:00:00", null },
    };

    [Theory]
    [MemberData(nameof(Hours))]
    public async Task A_service_message_is_held_in_quiet_hours_until_8_and_sent_at_once_outside_them(string at, string? heldUntil)
    {
        var now = MoveTo(TimeOnly.Parse(at));
        var phone = NewPhone();

        await service.Infrastructure.PublishAsync(Pairing(phone), Guid.NewGuid());

        if (heldUntil is null)
        {
            await SimulatedAsync(phone, "contact-card", $"the contact card sent at {at}");
            return;
        }

        var deferred = await SettledAsync(phone, "Deferred", $"the contact card held at {at}");
        var morning = new DateTimeOffset(now.Date.AddDays(heldUntil.EndsWith("next day") ? 1 : 0).AddHours(8), TimeSpan.FromHours(8));
        Assert.Equal(morning, deferred.GetProperty("nextAttemptAt").GetDateTimeOffset());
        Assert.Equal("QuietHours", deferred.GetProperty("statusReason").GetString());
        Assert.Empty(await service.SimulatedAsync(phone));

        service.SetClock(morning);
        await SimulatedAsync(phone, "contact-card", "the contact card sent at 8:00");
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(36, true)]
    public async Task A_handler_assigned_at_night_hears_at_once_when_the_limit_falls_before_8(int hoursToLimit, bool held)
    {
        var night = MoveTo(new TimeOnly(23, 0));
        var (phone, user) = (NewPhone(), $"handler-{Guid.NewGuid():N}"[..20]);
        await service.Infrastructure.PublishAsync(new CadreRegistered(Guid.NewGuid(), "李办事员", phone, "General", "科员", null, null, "360702001000", user, night.ToUniversalTime()), Guid.NewGuid());
        var caseId = Guid.NewGuid();
        var caseRef = new MassWork.Contracts.Petitions.V1.PetitionCaseRef(caseId, $"360702-{caseId:N}"[..20], "360702001201", "Request", "emergency", "紧急求助", "Accepted",
            null, null, false, "Region", "360702001000", "测试镇", user, "李办事员");

        await Eventually.HoldsAsync(async () => await service.Infrastructure.CountAsync("notificationsdb", "SELECT count(*) FROM cadre_contacts WHERE user_id = @u", ("u", user)) == 1,
            TimeSpan.FromSeconds(30), "the handler's phone known");
        await service.Infrastructure.PublishAsync(new MassWork.Contracts.Petitions.V1.PetitionOwnershipSet(caseRef, "王副镇长", "应急办", user, "李办事员",
            DateOnly.FromDateTime(night.Date.AddDays(3)), "满意率100%", service.Clock.GetUtcNow(), night.AddHours(hoursToLimit).ToUniversalTime()), Guid.NewGuid());

        if (held)
        {
            var deferred = await SettledAsync(phone, "Deferred", "the notice held until 8:00");
            Assert.Equal("QuietHours", deferred.GetProperty("statusReason").GetString());
        }
        else
        {
            await SimulatedAsync(phone, "case-assigned", "the notice sent in the night");
        }
    }

    [Fact]
    public async Task A_night_time_broadcast_waits_until_8_and_an_opted_out_number_gets_service_messages_but_no_broadcast()
    {
        MoveTo(new TimeOnly(10, 0));
        var village = NewVillage();
        var (stays, optsOut) = (NewPhone(), NewPhone());
        await RegisterHouseholdAsync(village, "钟秀兰", stays);
        await RegisterHouseholdAsync(village, "黄志强", optsOut);
        using (var reply = await service.Simulator.PostAsJsonAsync("/simulator/replies", new { phone = optsOut, content = "TD" }))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var town = service.Token(village[..9], Roles.TownStaff, "broadcaster");
        var body = new { regionPrefix = village, audience = "Heads", templateCode = "policy-broadcast", values = new Dictionary<string, string> { ["content"] = "秋冬季防火：严禁野外用火，发现火情请拨打119。" } };
        await Eventually.HoldsAsync(async () => (await service.SendAsync(HttpMethod.Post, "/api/notifications/broadcasts/preview", town, body)).GetProperty("optedOut").GetInt32() == 1,
            TimeSpan.FromSeconds(30), "the reply TD recorded as an opt-out");
        var preview = await service.SendAsync(HttpMethod.Post, "/api/notifications/broadcasts/preview", town, body);
        Assert.Equal((2, 1, 1), (preview.GetProperty("recipients").GetInt32(), preview.GetProperty("optedOut").GetInt32(), preview.GetProperty("messages").GetInt32()));

        var night = MoveTo(new TimeOnly(23, 0));
        town = service.Token(village[..9], Roles.TownStaff, "broadcaster");
        var id = (await service.SendAsync(HttpMethod.Post, "/api/notifications/broadcasts", town, body, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var deferred = await SettledAsync(stays, "Deferred", "the broadcast held for the night");
        Assert.Equal(new DateTimeOffset(night.Date.AddDays(1).AddHours(8), TimeSpan.FromHours(8)), deferred.GetProperty("nextAttemptAt").GetDateTimeOffset());
        await SettledAsync(optsOut, "Suppressed", "no broadcast to the opted-out number");
        Assert.DoesNotContain(await service.SimulatedAsync(stays), m => m.GetProperty("templateCode").GetString() == "policy-broadcast");

        // In the morning the broadcast goes; a service message still reaches the opted-out number.
        MoveTo(new TimeOnly(8, 1));
        await SimulatedAsync(stays, "policy-broadcast", "the broadcast sent in the morning");
        await service.Infrastructure.PublishAsync(Pairing(optsOut), Guid.NewGuid());
        await SimulatedAsync(optsOut, "contact-card", "the contact card to the opted-out number");
        Assert.DoesNotContain(await service.SimulatedAsync(optsOut), m => m.GetProperty("templateCode").GetString() == "policy-broadcast");

        var status = await service.SendAsync(HttpMethod.Get, $"/api/notifications/broadcasts/{id}", service.Token(village[..9], Roles.TownStaff, "broadcaster"));
        Assert.Equal(1, status.GetProperty("messages").GetProperty("Suppressed").GetInt32());
    }

    [Fact]
    public async Task A_cancelled_broadcast_suppresses_what_was_not_yet_sent()
    {
        MoveTo(new TimeOnly(10, 0));
        var village = NewVillage();
        var phone = NewPhone();
        await RegisterHouseholdAsync(village, "邱美华", phone);
        MoveTo(new TimeOnly(22, 0));
        var town = service.Token(village[..9], Roles.TownStaff, "broadcaster");

        var id = (await service.SendAsync(HttpMethod.Post, "/api/notifications/broadcasts", town, new
        {
            regionPrefix = village, audience = "AllMembers", templateCode = "policy-broadcast", values = new Dictionary<string, string> { ["content"] = "医保缴费截止12月31日。" },
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await SettledAsync(phone, "Deferred", "the broadcast held for the night");
        Assert.Equal("Paused", (await service.SendAsync(HttpMethod.Post, $"/api/notifications/broadcasts/{id}/pause", town, new { })).GetProperty("status").GetString());
        Assert.Equal("Sending", (await service.SendAsync(HttpMethod.Post, $"/api/notifications/broadcasts/{id}/resume", town, new { })).GetProperty("status").GetString());

        var cancelled = await service.SendAsync(HttpMethod.Post, $"/api/notifications/broadcasts/{id}/cancel", town, new { });

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(1, cancelled.GetProperty("messages").GetProperty("Suppressed").GetInt32());
        await service.SendAsync(HttpMethod.Post, $"/api/notifications/broadcasts/{id}/resume", town, new { }, HttpStatusCode.Conflict);
        var cancelledList = await service.SendAsync(HttpMethod.Get, "/api/notifications/broadcasts?status=Cancelled&pageSize=500", town);
        var listed = Assert.Single(cancelledList.GetProperty("broadcasts").EnumerateArray(), b => b.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, listed.GetProperty("messages").GetProperty("Suppressed").GetInt32());
        var badStatus = await service.SendAsync(HttpMethod.Get, "/api/notifications/broadcasts?status=Gone", town, expected: HttpStatusCode.BadRequest);
        Assert.True(badStatus.GetProperty("errors").TryGetProperty("status", out _));
        var otherTown = await service.SendAsync(HttpMethod.Get, "/api/notifications/broadcasts?pageSize=500", service.Token("360702002", Roles.TownStaff, "other-town"));
        Assert.DoesNotContain(otherTown.GetProperty("broadcasts").EnumerateArray(), b => b.GetProperty("id").GetGuid() == id);
        MoveTo(new TimeOnly(8, 1));
        Assert.Equal("Suppressed", Assert.Single(await MessagesAsync(phone), m => m.GetProperty("templateCode").GetString() == "policy-broadcast").GetProperty("status").GetString());
    }
}
