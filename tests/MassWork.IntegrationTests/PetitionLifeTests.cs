namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PetitionLifeTests(PlatformFixture platform)
{
    private readonly PetitionsApi _api = new(platform);

    [Fact]
    public async Task A_case_goes_from_intake_through_five_owners_answer_and_revisit_to_closed_with_every_step_kept_and_announced()
    {
        var (household, village) = await _api.HouseholdAsync("钟秀兰");
        var town = _api.Town(village);

        var registered = await _api.RequestCase(household, town);
        var id = registered.GetProperty("id").GetGuid();
        Assert.Equal("Registered", registered.GetProperty("status").GetString());
        Assert.Equal(village, registered.GetProperty("regionCode").GetString());
        Assert.Equal("钟秀兰", registered.GetProperty("petitioner").GetProperty("name").GetString());
        Assert.Equal("Town", registered.GetProperty("level").GetString());
        Assert.Equal(["ProgressCallBack", "Route"], registered.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).Order());
        Assert.EndsWith("+08:00", registered.GetProperty("registeredAt").GetRawText().Trim('"'));

        await _api.StepAsync(id, "assign", town, new { kind = "Region", code = village[..9] + "000", name = "测试镇人民政府", note = "交镇社保所办理" });
        var accepted = await _api.StepAsync(id, "accept", town);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        var resolveDue = accepted.GetProperty("resolveDueAt").GetDateTimeOffset();
        Assert.InRange((resolveDue - platform.Clock.GetUtcNow()).TotalDays, 59, 61);

        var owned = await _api.StepAsync(id, "ownership", town, new
        {
            leadLeader = "王副镇长", responsibleOffice = "社保所", handlerUserId = "handler-1", handlerName = "李办事员",
            resolutionDeadline = ChinaTime.Today(platform.Clock).AddDays(20), revisitTarget = "满意率100%",
        }, HttpMethod.Put);
        Assert.Equal("李办事员", owned.GetProperty("ownership").GetProperty("handlerName").GetString());
        await _api.StepAsync(id, "start", town);
        await _api.StepAsync(id, "progress-call-backs", town, new { note = "已电话告知正在核查社保缴费记录" });
        var answered = await _api.StepAsync(id, "answer", town, new { outcome = "Supported", opinion = "经核查系银行代发信息错误，已补发三个月养老金。" });
        Assert.True(answered.GetProperty("answeredOnTime").GetBoolean());
        var closed = await _api.StepAsync(id, "revisit", town, new { satisfaction = "Satisfied", handlerAtFault = false, note = "群众表示满意" });

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(["Register", "Assign", "Accept", "SetOwnership", "Start", "ProgressCallBack", "Answer", "Revisit"], PetitionsApi.Actions(closed));
        Assert.DoesNotContain(closed.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("metAt").ValueKind == JsonValueKind.Null && !d.GetProperty("cancelled").GetBoolean());
        foreach (var type in new[] { "PetitionRegistered", "PetitionAssigned", "PetitionAccepted", "PetitionOwnershipSet", "PetitionProgressCalledBack", "PetitionAnswered", "PetitionClosed" })
        {
            Assert.Equal(1, await _api.EventsAsync(id, type));
        }

        var ledger = await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/ledger?region={village}", town);
        var line = Assert.Single(ledger.GetProperty("lines").EnumerateArray());
        Assert.Equal(("钟秀兰", "Closed", "李办事员", "Satisfied"),
            (line.GetProperty("householdHead").GetString(), line.GetProperty("status").GetString(), line.GetProperty("handler").GetString(), line.GetProperty("satisfaction").GetString()));

        var figures = (await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/figures?region={village}", town)).GetProperty("total");
        Assert.Equal((1, 1, 1, 1), (figures.GetProperty("counts").GetProperty("collected").GetInt32(), figures.GetProperty("counts").GetProperty("supported").GetInt32(),
            figures.GetProperty("counts").GetProperty("closed").GetInt32(), figures.GetProperty("counts").GetProperty("satisfied").GetInt32()));
        Assert.Equal((1.0, 1.0, 1.0), (figures.GetProperty("resolutionRate").GetDouble(), figures.GetProperty("onTimeRate").GetDouble(), figures.GetProperty("satisfactionRate").GetDouble()));
    }

    [Fact]
    public async Task Review_from_the_opinion_then_re_review_by_the_body_above_makes_the_matter_final_and_it_is_not_accepted_again()
    {
        var (id, village, household) = await _api.AcceptedCaseAsync("land-acquisition");
        var town = _api.Town(village);
        var county = _api.County();
        await _api.StepAsync(id, "answer", town, new { outcome = "NotSupported", opinion = "不符合征地补偿范围，依据《土地管理法》第四十八条。" });

        // The 30 days run from the written opinion: the petitioner asks at once, without waiting for the revisit.
        var review = await _api.StepAsync(id, "review-requests", town, new { reason = "对处理意见不服，申请复查" });
        Assert.Equal(("UnderReview", "Review"), (review.GetProperty("status").GetString(), review.GetProperty("reviewStage").GetString()));
        using (var byTown = await _api.SendStepAsync(id, "review-answer", town, new { outcome = "NotSupported", opinion = "维持" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byTown.StatusCode);
        }

        await _api.StepAsync(id, "review-answer", county, new { outcome = "NotSupported", opinion = "复查维持原处理意见。" });
        await _api.StepAsync(id, "review-requests", town, new { reason = "申请复核" });
        using (var bySameBody = await _api.SendStepAsync(id, "review-answer", _api.County(Roles.Leader, "another-county-leader"), new { outcome = "NotSupported", opinion = "复核维持" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, bySameBody.StatusCode);
            Assert.Contains("复核", (await bySameBody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        var final = await _api.StepAsync(id, "review-answer", platform.Token("3607", Roles.Leader, "city-leader"), new { outcome = "NotSupported", opinion = "复核维持，终结。" });
        Assert.Equal("Terminated", final.GetProperty("status").GetString());
        Assert.Equal(2, await _api.EventsAsync(id, "PetitionReviewAnswered"));

        var again = await _api.RequestCase(household, town, "land-acquisition");
        Assert.Equal("NotAccepted", again.GetProperty("status").GetString());
        Assert.Contains("终结", again.GetProperty("notAcceptedReason").GetString());
        Assert.Equal(id, again.GetProperty("repeatOfCaseId").GetGuid());
        // A refused intake is a refusal in the figures, repeat or not.
        var counts = (await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/figures?region={village}", county)).GetProperty("total").GetProperty("counts");
        Assert.Equal((2, 1, 1), (counts.GetProperty("collected").GetInt32(), counts.GetProperty("notAccepted").GetInt32(), counts.GetProperty("repeats").GetInt32()));
    }

    [Fact]
    public async Task A_repeat_is_linked_and_counted_and_a_county_intake_of_a_matter_handled_by_the_town_is_skip_level()
    {
        var (household, village) = await _api.HouseholdAsync();
        var town = _api.Town(village);
        var first = (await _api.RequestCase(household, town, "drinking-water")).GetProperty("id").GetGuid();

        var repeat = await _api.RequestCase(household, town, "drinking-water");
        Assert.Equal(("NotAccepted", first, false), (repeat.GetProperty("status").GetString(), repeat.GetProperty("repeatOfCaseId").GetGuid(), repeat.GetProperty("skipLevel").GetBoolean()));
        Assert.Equal(1, (await _api.GetAsync(first, town)).GetProperty("repeatCount").GetInt32());

        await _api.StepAsync(first, "assign", town, new { kind = "Region", code = village[..9] + "000" });
        await _api.StepAsync(first, "accept", town);
        var skip = await _api.RequestCase(household, _api.County(Roles.TownStaff, "county-clerk"), "drinking-water");
        Assert.True(skip.GetProperty("skipLevel").GetBoolean());
        Assert.Equal("County", skip.GetProperty("level").GetString());
        Assert.Contains("越级", skip.GetProperty("notAcceptedReason").GetString());

        var counts = (await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/figures?region={village}", town)).GetProperty("total").GetProperty("counts");
        Assert.Equal((3, 1, 1), (counts.GetProperty("collected").GetInt32(), counts.GetProperty("repeats").GetInt32(), counts.GetProperty("skipLevel").GetInt32()));
    }

    [Fact]
    public async Task An_accusers_identity_is_hidden_from_the_town_and_from_every_list()
    {
        var village = await _api.Personnel.NewVillageAsync();
        var accusation = await _api.RegisterAsync(_api.County(), new
        {
            channel = "Letter", matterType = "Accusation", categoryCode = "other", regionCode = village,
            petitioner = new { name = "匿名举报人", phone = "13912345678" }, content = "反映村干部侵占扶贫资金",
        });
        var id = accusation.GetProperty("id").GetGuid();
        Assert.Equal("139****5678", accusation.GetProperty("petitioner").GetProperty("phoneMasked").GetString());

        var seenByTown = await _api.GetAsync(id, _api.Town(village));
        Assert.True(seenByTown.GetProperty("petitionerHidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seenByTown.GetProperty("petitioner").ValueKind);
        var ledger = await _api.Personnel.SendAsync(HttpMethod.Get, $"/api/petitions/ledger?region={village}", _api.County());
        var text = await ledger.Content.ReadAsStringAsync();
        Assert.DoesNotContain("匿名举报人", text);
        Assert.DoesNotContain("5678", text);
    }

    [Fact]
    public async Task An_accusation_cannot_be_found_by_the_accusers_household_nor_handed_to_the_accused_village()
    {
        var (household, village) = await _api.HouseholdAsync("钟秀兰");
        var town = _api.Town(village);
        var accusation = (await _api.RegisterAsync(_api.County(), new
        {
            channel = "Letter", matterType = "Accusation", categoryCode = "other", householdId = household,
            content = "检举村干部侵占低保资金",
        })).GetProperty("id").GetGuid();

        var townLedger = await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/ledger?region={village}&householdId={household}", town);
        Assert.Equal(0, townLedger.GetProperty("total").GetInt64());
        var countyLedger = await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/ledger?region={village}&householdId={household}", _api.County());
        Assert.Equal(accusation, Assert.Single(countyLedger.GetProperty("lines").EnumerateArray()).GetProperty("id").GetGuid());

        // The town registering the household's own matter of the same kind learns nothing of the accusation.
        var own = await _api.RegisterAsync(town, new { channel = "WalkIn", matterType = "Request", categoryCode = "other", householdId = household, content = "请求修缮村道" });
        Assert.Equal(JsonValueKind.Null, own.GetProperty("repeatOfCaseId").ValueKind);

        using var toAccused = await _api.SendStepAsync(accusation, "assign", _api.County(), new { kind = "Region", code = village, name = "被检举村" });
        Assert.Equal(HttpStatusCode.Conflict, toAccused.StatusCode);
        Assert.Contains("accused", (await toAccused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("Registered", (await _api.GetAsync(accusation, _api.County())).GetProperty("status").GetString());
        await _api.StepAsync(accusation, "assign", _api.County(), new { kind = "Region", code = village[..9] + "000", name = "测试镇纪委" });
    }

    [Fact]
    public async Task The_accusers_SMS_reaches_them_and_no_message_history_leads_to_them()
    {
        var (household, village) = await _api.HouseholdAsync("钟秀兰");
        var phone = $"136{Random.Shared.Next(0, 100_000_000):D8}";
        var number = (await _api.RegisterAsync(_api.County(), new
        {
            channel = "Letter", matterType = "Accusation", categoryCode = "other", householdId = household,
            petitioner = new { name = "匿名举报人", phone }, content = "检举村干部虚报冒领补贴",
        })).GetProperty("number").GetString()!;

        await Eventually.HoldsAsync(async () =>
            (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray()
                .Any(m => m.GetProperty("templateParam").GetString()!.Contains(number)),
            TimeSpan.FromSeconds(30), "the registration notice reaches the accuser");

        // Searched by the household or the number, by the accused village's town or by the county: nothing.
        foreach (var reader in new[] { _api.Town(village), _api.County() })
        {
            foreach (var search in new[] { $"householdId={household}", $"phone={phone}" })
            {
                var page = await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/notifications/messages?{search}&pageSize=200", reader);
                Assert.DoesNotContain(page.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains(number));
                Assert.DoesNotContain(page.GetProperty("messages").EnumerateArray(), m => m.GetProperty("templateCode").GetString()!.StartsWith("petition-"));
            }
        }

        // The case's events, as personnel's and visits' queues receive them and petitions keeps them sent: no phone, name or household of the accuser.
        Assert.True(await platform.CountAsync("petitionsdb", "SELECT count(*) FROM outbox_messages WHERE payload::jsonb::text LIKE '%' || @n || '%'", ("n", number)) > 0);
        Assert.Equal(0, await platform.CountAsync("petitionsdb",
            "SELECT count(*) FROM outbox_messages WHERE payload::jsonb::text LIKE '%' || @n || '%' AND (payload::jsonb::text LIKE '%' || @p || '%' OR payload::jsonb::text LIKE '%' || @h || '%' OR payload::jsonb::text LIKE '%匿名举报人%')",
            ("n", number), ("p", phone), ("h", household.ToString())));
    }

    [Fact]
    public async Task The_petitioner_is_told_of_an_extension_with_the_new_date_and_why()
    {
        var (household, village) = await _api.HouseholdAsync();
        var town = _api.Town(village);
        var phone = $"136{Random.Shared.Next(0, 100_000_000):D8}";
        var id = (await _api.RegisterAsync(town, new
        {
            channel = "WalkIn", matterType = "Request", categoryCode = "other", householdId = household,
            petitioner = new { name = "钟秀兰", phone }, content = "村道塌方，请求修复",
        })).GetProperty("id").GetGuid();
        await _api.StepAsync(id, "assign", town, new { kind = "Region", code = village[..9] + "000", name = "测试镇人民政府" });
        await _api.StepAsync(id, "accept", town);
        var reason = "涉及水利、交通两部门协调，需现场勘测" + new string('。', 300);

        var extended = await _api.StepAsync(id, "extension", _api.County(), new { days = 30, reason });

        var due = ChinaTime.Local(extended.GetProperty("resolveDueAt").GetDateTimeOffset().AddTicks(-1)).ToString("yyyy年M月d日");
        JsonElement sms = default;
        await Eventually.HoldsAsync(async () =>
        {
            sms = (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray()
                .FirstOrDefault(m => m.GetProperty("templateCode").GetString() == "petition-extended");
            return sms.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(30), "the extension notice reaches the petitioner");
        var values = JsonDocument.Parse(sms.GetProperty("templateParam").GetString()!).RootElement;
        Assert.Equal(("30", due), (values.GetProperty("days").GetString(), values.GetProperty("due").GetString()));
        Assert.StartsWith("涉及水利、交通两部门协调", values.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_step_the_state_does_not_allow_is_409_and_changes_nothing()
    {
        var (household, village) = await _api.HouseholdAsync();
        var town = _api.Town(village);
        var id = (await _api.RequestCase(household, town)).GetProperty("id").GetGuid();

        using var response = await _api.SendStepAsync(id, "answer", town, new { outcome = "Supported", opinion = "已处理" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Registered", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var after = await _api.GetAsync(id, town);
        Assert.Equal(("Registered", 1), (after.GetProperty("status").GetString(), after.GetProperty("history").GetArrayLength()));
        Assert.Equal(0, await _api.EventsAsync(id, "PetitionAnswered"));
    }

    [Fact]
    public async Task Two_concurrent_decisions_on_one_case_one_wins_the_other_gets_409()
    {
        var (household, village) = await _api.HouseholdAsync();
        var town = _api.Town(village);
        var id = (await _api.RequestCase(household, town)).GetProperty("id").GetGuid();
        await _api.StepAsync(id, "assign", town, new { kind = "Region", code = village[..9] + "000" });

        var responses = await Task.WhenAll(
            _api.SendStepAsync(id, "accept", town),
            _api.SendStepAsync(id, "not-accept", town, new { reason = "不属于信访事项" }));

        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.OK], responses.Select(r => r.StatusCode).OrderBy(s => s.ToString()));
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? "Accepted" : "NotAccepted";
        var after = await _api.GetAsync(id, town);
        Assert.Equal(winner, after.GetProperty("status").GetString());
        Assert.Equal(3, after.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412()
    {
        var (id, village, _) = await _api.AcceptedCaseAsync();
        var town = _api.Town(village);
        using var read = await _api.Personnel.SendAsync(HttpMethod.Get, $"/api/petitions/cases/{id}", town);
        var etag = read.Headers.ETag!.Tag;
        await _api.StepAsync(id, "start", town);

        using var stale = await _api.Personnel.SendAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/progress-call-backs", town,
            JsonContent.Create(new { note = "电话告知进展" }), r => r.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag)));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task A_dissatisfied_revisit_the_handler_caused_reopens_the_case_to_be_redone()
    {
        var (id, village, _) = await _api.AcceptedCaseAsync();
        var town = _api.Town(village);
        await _api.StepAsync(id, "answer", town, new { outcome = "Explained", opinion = "已解释政策" });

        var reopened = await _api.StepAsync(id, "revisit", town, new { satisfaction = "Dissatisfied", handlerAtFault = true, note = "办理人员未上门核实" });

        Assert.Equal("InProgress", reopened.GetProperty("status").GetString());
        Assert.Equal(1, await _api.EventsAsync(id, "PetitionRevisited"));
        Assert.Equal(0, await _api.EventsAsync(id, "PetitionClosed"));
    }

    [Fact]
    public async Task A_dispute_is_mediated_and_settled_at_the_village_and_the_figures_count_it()
    {
        var (id, village, _) = await _api.AcceptedCaseAsync("neighbour-dispute", "Dispute");
        var town = _api.Town(village);
        using (var noParties = await _api.SendStepAsync(id, "mediation", town, new { step = "Investigated", note = "走访" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noParties.StatusCode);
            Assert.True((await noParties.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("parties", out _));
        }

        await _api.StepAsync(id, "mediation", town, new { step = "Investigated", note = "走访双方当事人", parties = new[] { "刘大明", "刘小明" } });
        await _api.StepAsync(id, "mediation", town, new { step = "Mediated", mediator = "村人民调解员张桂芳" });
        var settled = await _api.StepAsync(id, "mediation", town, new { step = "Settled", level = "Village", agreement = "宅基地界址以村委会测量为准，双方各让一米", note = "签订调解协议" });
        Assert.Equal(("Village", "Closed", "Supported"), (settled.GetProperty("settledLevel").GetString(), settled.GetProperty("status").GetString(), settled.GetProperty("outcome").GetString()));
        var mediation = settled.GetProperty("mediation");
        Assert.Equal(("刘小明", "村人民调解员张桂芳"), (mediation.GetProperty("parties")[1].GetString(), mediation.GetProperty("mediator").GetString()));
        Assert.Equal(1, await _api.EventsAsync(id, "PetitionClosed"));

        var counts = (await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/figures?region={village}", town)).GetProperty("total").GetProperty("counts");
        Assert.Equal((1, 1, 1, 1), (counts.GetProperty("disputesInvestigated").GetInt32(), counts.GetProperty("disputesMediated").GetInt32(),
            counts.GetProperty("disputesSettled").GetInt32(), counts.GetProperty("settledInVillage").GetInt32()));
    }

    [Fact]
    public async Task A_suggestion_is_adopted_not_solved_and_the_figures_cut_by_matter_type_channel_holder_and_handler()
    {
        var (household, village) = await _api.HouseholdAsync("陈建华");
        var town = _api.Town(village);
        var office = new { kind = "Region", code = village[..9] + "000", name = "测试镇人民政府" };
        var suggestion = (await _api.RegisterAsync(town, new { channel = "Letter", matterType = "Suggestion", categoryCode = "roads-irrigation", householdId = household, content = "建议在村小门口设减速带" }))
            .GetProperty("id").GetGuid();
        var problem = (await _api.RequestCase(household, town)).GetProperty("id").GetGuid();
        foreach (var id in new[] { suggestion, problem })
        {
            await _api.StepAsync(id, "assign", town, office);
            await _api.StepAsync(id, "accept", town);
        }

        await _api.StepAsync(problem, "ownership", town, new
        {
            leadLeader = "王副镇长", responsibleOffice = "社保所", handlerUserId = "handler-2", handlerName = "黄办事员",
            resolutionDeadline = ChinaTime.Today(platform.Clock).AddDays(20), revisitTarget = "满意率100%",
        }, HttpMethod.Put);
        using (var asSolved = await _api.SendStepAsync(suggestion, "answer", town, new { outcome = "Supported", opinion = "已采纳" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, asSolved.StatusCode);
            Assert.True((await asSolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("outcome", out _));
        }

        Assert.Equal("Accepted", (await _api.GetAsync(suggestion, town)).GetProperty("status").GetString());
        await _api.StepAsync(suggestion, "answer", town, new { outcome = "Adopted", opinion = "已纳入明年交通安全设施计划" });
        await _api.StepAsync(problem, "answer", town, new { outcome = "NotSupported", opinion = "不符合补发条件" });

        var report = await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/figures?region={village}", town);
        var total = report.GetProperty("total");
        // One problem accepted, not supported; the adopted suggestion is not a solved problem.
        Assert.Equal(0.0, total.GetProperty("resolutionRate").GetDouble());
        Assert.Equal(1.0, total.GetProperty("adoptionRate").GetDouble());
        static Dictionary<string, (long Collected, string? Name)> Cut(JsonElement report, string cut) =>
            report.GetProperty(cut).EnumerateArray().ToDictionary(
                r => r.GetProperty("key").GetString() ?? "(none)",
                r => (r.GetProperty("counts").GetProperty("collected").GetInt64(), r.GetProperty("name").GetString()));
        var byType = report.GetProperty("byMatterType").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(["Request", "Suggestion"], byType.Keys.Order());
        Assert.Equal((1, 1, 0), (byType["Suggestion"].GetProperty("counts").GetProperty("suggestions").GetInt64(),
            byType["Suggestion"].GetProperty("counts").GetProperty("adopted").GetInt64(), byType["Suggestion"].GetProperty("counts").GetProperty("supported").GetInt64()));
        Assert.Equal((1, 1), (byType["Request"].GetProperty("counts").GetProperty("notSupported").GetInt64(), byType["Request"].GetProperty("counts").GetProperty("collected").GetInt64()));
        Assert.Equal(new Dictionary<string, (long, string?)> { ["Letter"] = (1, null), ["WalkIn"] = (1, null) }, Cut(report, "byChannel"));
        Assert.Equal(new Dictionary<string, (long, string?)> { [office.code] = (2, "测试镇人民政府") }, Cut(report, "byHolder"));
        Assert.Equal(new Dictionary<string, (long, string?)> { ["(none)"] = (1, null), ["handler-2"] = (1, "黄办事员") }, Cut(report, "byHandler"));
    }
}
