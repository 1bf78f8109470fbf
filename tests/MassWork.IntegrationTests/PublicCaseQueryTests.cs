using MassWork.Testing;

namespace MassWork.IntegrationTests;

/// <summary>
/// 查询 through the gateway, with no account: a petitioner proves the case is theirs with a code sent
/// to the phone it was registered with, reads its progress, and rates the answer once; the rating is
/// the case's satisfaction in the town's figures. Nothing says whether a case number or phone exists.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PublicCaseQueryTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task A_petitioner_opens_the_case_with_an_SMS_code_reads_its_steps_and_rates_the_answer_once_into_the_satisfaction_figures()
    {
        var (village, town, number, id, phone) = await RegisteredAsync("Request", "刘秋菊");

        // The registration notice links to the query page with the case number filled in.
        var registered = await SmsAsync(phone, "petition-registered");
        Assert.Equal($"{platform.Gateway.BaseAddress!.ToString().TrimEnd('/')}/q/{number}", Param(registered, "link"));

        // Another phone is answered the same, and no code goes anywhere.
        var stranger = Households.NewPhone();
        using (var wrongPhone = await PostAsync("/api/petitions/public/codes", new { caseNumber = number, phone = stranger }))
        {
            Assert.Equal(HttpStatusCode.Accepted, wrongPhone.StatusCode);
        }

        using (var malformed = await PostAsync("/api/petitions/public/codes", new { caseNumber = number, phone = "12345" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
        }

        var code = await CodeAsync(number, phone);
        Assert.Empty(await SimulatedAsync(stranger));

        using (var wrong = await PostAsync("/api/petitions/public/sessions", new { caseNumber = number, phone, code = Other(code) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));
        }

        // Someone who knows the number but not the phone: never opens the case, and uses up none of the petitioner's tries.
        for (var i = 0; i < 5; i++)
        {
            using var guess = await PostAsync("/api/petitions/public/sessions", new { caseNumber = number, phone = stranger, code = Other(code) });
            Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        }

        using (var strangerWithCode = await PostAsync("/api/petitions/public/sessions", new { caseNumber = number, phone = stranger, code }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, strangerWithCode.StatusCode);
        }

        var token = await SessionAsync(number, phone, code);
        using (var again = await PostAsync("/api/petitions/public/sessions", new { caseNumber = number, phone, code }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }

        var view = await ReadAsync(token);
        Assert.Equal((number, "Registered", true), (view.GetProperty("number").GetString(), view.GetProperty("status").GetString(), view.TryGetProperty("steps", out _)));
        Assert.Equal(["Register"], view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.False(view.GetProperty("mayRate").GetBoolean());
        using (var early = await PostAsync("/api/petitions/public/case/rating", new { satisfaction = "Satisfied" }, token))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        await _api.OkAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/assign", town, new { kind = "Region", code = village[..9] + "000" });
        await _api.OkAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/accept", town, new { });
        await _api.OkAsync(HttpMethod.Put, $"/api/petitions/cases/{id}/ownership", town,
            new { leadLeader = "张镇长", responsibleOffice = "社会事务办", handlerUserId = "handler-1", handlerName = "王办事员", resolutionDeadline = MassWork.ServiceDefaults.ChinaTime.Today(platform.Clock).AddDays(20), revisitTarget = "100%" });
        await _api.OkAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/answer", town, new { outcome = "Supported", opinion = "已协调低保复核，下月起发放。" });

        view = await ReadAsync(token);
        Assert.Equal(("Answered", "Supported", "已协调低保复核，下月起发放。", true),
            (view.GetProperty("status").GetString(), view.GetProperty("outcome").GetString(), view.GetProperty("opinion").GetString(), view.GetProperty("mayRate").GetBoolean()));
        // Where the case went and what was decided; the offices' own steps (五定) are theirs, and no person is named.
        Assert.Equal(["Register", "Assign", "Accept", "Answer"], view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        var text = view.GetRawText();
        Assert.DoesNotContain("刘秋菊", text);
        Assert.DoesNotContain("王办事员", text);
        Assert.DoesNotContain(phone[^4..], text);

        using (var bad = await PostAsync("/api/petitions/public/case/rating", new { satisfaction = "Delighted" }, token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("satisfaction", out _));
        }

        using (var rated = await PostAsync("/api/petitions/public/case/rating", new { satisfaction = "BasicallySatisfied", comment = "希望尽快到账" }, token))
        {
            Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
            var after = await rated.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("BasicallySatisfied", false, "Answered"), (after.GetProperty("rating").GetString(), after.GetProperty("mayRate").GetBoolean(), after.GetProperty("status").GetString()));
        }

        using (var twice = await PostAsync("/api/petitions/public/case/rating", new { satisfaction = "Dissatisfied" }, token))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        // The rating is the town's satisfaction figure, and staff see it in the case's history.
        var counts = (await _api.OkAsync(HttpMethod.Get, $"/api/petitions/figures?region={village}", town)).GetProperty("total");
        Assert.Equal((1, 1), (counts.GetProperty("counts").GetProperty("revisited").GetInt32(), counts.GetProperty("counts").GetProperty("satisfied").GetInt32()));
        Assert.Equal(1.0, counts.GetProperty("satisfactionRate").GetDouble());
        var staffView = await _api.OkAsync(HttpMethod.Get, $"/api/petitions/cases/{id}", town);
        Assert.Contains(staffView.GetProperty("history").EnumerateArray(), s => s.GetProperty("action").GetString() == "Rate");
    }

    [Fact]
    public async Task A_code_dies_after_five_wrong_tries_and_a_case_gets_one_code_a_minute()
    {
        var (_, _, number, _, phone) = await RegisteredAsync("Request", "邱冬生");
        var code = await CodeAsync(number, phone);

        // Asked again at once: answered alike, and no second code goes.
        using (var soon = await PostAsync("/api/petitions/public/codes", new { caseNumber = number, phone }))
        {
            Assert.Equal(HttpStatusCode.Accepted, soon.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PostAsync("/api/petitions/public/sessions", new { caseNumber = number, phone, code = Other(code) });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var late = await PostAsync("/api/petitions/public/sessions", new { caseNumber = number, phone, code }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await SimulatedAsync(phone), m => m.GetProperty("templateCode").GetString() == "case-query-code");

        using var noSession = await platform.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/petitions/public/case") { Headers = { { "X-Query-Token", "not-a-session" } } });
        Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
    }

    [Fact]
    public async Task An_accuser_reading_their_accusation_sees_where_it_went_and_nothing_that_names_them()
    {
        var (_, _, number, _, phone) = await RegisteredAsync("Accusation", "匿名甲");
        var view = await ReadAsync(await SessionAsync(number, phone, await CodeAsync(number, phone)));

        Assert.Equal("Accusation", view.GetProperty("matterType").GetString());
        var text = view.GetRawText();
        Assert.DoesNotContain("匿名甲", text);
        Assert.DoesNotContain(phone[^4..], text);
        Assert.False(view.TryGetProperty("petitioner", out _));
        Assert.False(view.TryGetProperty("household", out _));
    }

    [Fact]
    public async Task A_household_that_raised_a_matter_without_a_phone_of_its_own_opens_it_with_the_phone_its_notices_reach()
    {
        var village = await _api.NewVillageAsync();
        var (headPhone, stranger) = (Households.NewPhone(), Households.NewPhone());
        var household = await _api.RegisterHouseholdAsync(village, "钟德福", phone: headPhone);
        await Eventually.HoldsAsync(
            async () => await platform.CountAsync("petitionsdb", "SELECT count(*) FROM households WHERE id = @id", ("id", household)) == 1,
            TimeSpan.FromSeconds(30), "the petitions read model receives the household");
        var number = (await _api.CreatedAsync("/api/petitions/cases", platform.Token(village[..9], Roles.TownStaff, "petition-clerk"), new
        {
            channel = "Visit", matterType = "Request", categoryCode = "roads-irrigation", householdId = household, content = "村口水渠堵塞，田里排不出水",
        })).GetProperty("number").GetString()!;

        // The registered notice reached the head's phone with the link; that phone opens the case.
        Assert.EndsWith($"/q/{number}", Param(await SmsAsync(headPhone, "petition-registered"), "link"));
        using (var other = await PostAsync("/api/petitions/public/codes", new { caseNumber = number, phone = stranger }))
        {
            Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        }

        var view = await ReadAsync(await SessionAsync(number, headPhone, await CodeAsync(number, headPhone)));
        Assert.Equal(number, view.GetProperty("number").GetString());
        Assert.Empty(await SimulatedAsync(stranger));
    }

    private async Task<(string Village, string Town, string Number, Guid Id, string Phone)> RegisteredAsync(string matterType, string name)
    {
        var village = await _api.NewVillageAsync();
        var phone = Households.NewPhone();
        var town = platform.Token(village[..9], Roles.TownStaff, "petition-clerk");
        var created = await _api.CreatedAsync("/api/petitions/cases", town, new
        {
            channel = "WalkIn", matterType, categoryCode = matterType == "Accusation" ? "public-order" : "social-security", regionCode = village,
            petitioner = new { name, phone }, content = matterType == "Accusation" ? "反映村干部优亲厚友评低保" : "低保被取消，家中困难",
        });
        return (village, town, created.GetProperty("number").GetString()!, created.GetProperty("id").GetGuid(), phone);
    }

    private async Task<string> CodeAsync(string number, string phone)
    {
        using (var asked = await PostAsync("/api/petitions/public/codes", new { caseNumber = number, phone }))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        return Param(await SmsAsync(phone, "case-query-code"), "code");
    }

    private async Task<string> SessionAsync(string number, string phone, string code)
    {
        using var opened = await PostAsync("/api/petitions/public/sessions", new { caseNumber = number, phone, code });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private async Task<JsonElement> ReadAsync(string token)
    {
        using var read = await platform.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/petitions/public/case") { Headers = { { "X-Query-Token", token } } });
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return await read.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> PostAsync(string path, object body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("X-Query-Token", token);
        }

        return platform.Gateway.SendAsync(request);
    }

    private async Task<JsonElement> SmsAsync(string phone, string template)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var sent = (await SimulatedAsync(phone)).Where(m => m.GetProperty("templateCode").GetString() == template).ToList();
            found = sent.LastOrDefault();
            return sent.Count > 0;
        }, TimeSpan.FromSeconds(30), $"the {template} SMS reaches {phone}");
        return found;
    }

    private async Task<JsonElement[]> SimulatedAsync(string phone) =>
        (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray().ToArray();

    private static string Param(JsonElement sms, string name) =>
        JsonDocument.Parse(sms.GetProperty("templateParam").GetString()!).RootElement.GetProperty(name).GetString()!;

    private static string Other(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");
}
