namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class ProjectTests(PlatformFixture platform)
{
    private readonly ProjectsApi _api = new(platform);

    [Fact]
    public async Task A_project_goes_from_proposal_through_approval_work_and_the_councils_acceptance_to_published_with_every_step_kept_and_announced()
    {
        var village = ProjectsApi.NewVillage();
        var town = _api.Town(village);
        var demand = Guid.NewGuid();
        var proposed = await _api.Http.CreatedAsync("/api/projects", _api.Town(village, Roles.VillageStaff, "village-clerk"), new
        {
            title = "上坪组通组公路硬化", category = "Road", regionCode = village, proposer = "VillageCommittee",
            estimatedCostFen = 3_000_000, linkedDemandIds = new[] { demand }, beneficiaryHouseholdIds = new[] { Guid.NewGuid(), Guid.NewGuid() },
        });
        var id = proposed.GetProperty("id").GetGuid();
        Assert.Equal(("Proposed", "Town", 2), (proposed.GetProperty("stage").GetString(), proposed.GetProperty("nextApprovalLevel").GetString(), proposed.GetProperty("beneficiaryCount").GetInt32()));
        Assert.Equal(demand, proposed.GetProperty("linkedDemandIds")[0].GetGuid());
        Assert.EndsWith("+08:00", proposed.GetProperty("proposedAt").GetRawText().Trim('"'));

        var planned = await _api.FundingAsync(id, town, new
        {
            sources = new object[]
            {
                new { source = "CityFund", amountFen = 2_000_000 },
                new { source = "Villagers", amountFen = 1_000_000, labourPersonDays = 120, labourValueFen = 1_440_000, note = "每户出资出劳" },
            },
            council = new { members = new[] { "钟德明", "刘春生", "陈桂花" } },
        });
        Assert.True(planned.GetProperty("councilSignOffRequired").GetBoolean());
        Assert.Equal((3_000_000, 1_440_000), (planned.GetProperty("plannedMoneyFen").GetInt64(), planned.GetProperty("plannedLabourValueFen").GetInt64()));

        using (var early = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/publish", town, new { }))
        {
            var problem = await ProjectsApi.ProblemAsync(early, HttpStatusCode.Conflict);
            Assert.Equal("A project that is Proposed cannot be published (公示); allowed from Accepted.", problem.GetProperty("detail").GetString());
        }

        var approved = await _api.StepAsync(id, "approve", town);
        Assert.Equal("Approved", approved.GetProperty("stage").GetString());
        Assert.Equal(("Town", "town-clerk"), (approved.GetProperty("approvals")[0].GetProperty("level").GetString(), approved.GetProperty("approvals")[0].GetProperty("approvedBy").GetString()));
        await _api.StepAsync(id, "start", town);

        using (var unsigned = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/accept", town, new { councilSignedBy = new[] { "钟德明" } }))
        {
            Assert.Contains("理事会", (await ProjectsApi.ProblemAsync(unsigned, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        }

        var accepted = await _api.StepAsync(id, "accept", town, new { councilSignedBy = new[] { "钟德明", "陈桂花" } });
        Assert.Equal(["钟德明", "陈桂花"], accepted.GetProperty("councilSignedBy").EnumerateArray().Select(n => n.GetString()));
        var published = await _api.StepAsync(id, "publish", town);

        Assert.Equal("Published", published.GetProperty("stage").GetString());
        Assert.Equal(["Propose", "PlanFunding", "Approve", "Start", "Accept", "Publish"], ProjectsApi.Actions(published));
        foreach (var type in new[] { "ProjectProposed", "ProjectApproved", "ProjectCompleted", "ProjectPublished" })
        {
            Assert.Equal(1, await _api.EventsAsync(id, type));
        }

        var listed = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects?region={village}&stage=Published", town);
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_proposal_sent_twice_with_one_Idempotency_Key_is_stored_once_and_the_first_answer_replayed()
    {
        var village = ProjectsApi.NewVillage();
        var key = Guid.NewGuid().ToString();
        var body = new { title = "敬老院改造", category = "ElderlyCare", regionCode = village, proposer = "Town", estimatedCostFen = 800_000, beneficiaryCount = 40 };
        async Task<(HttpStatusCode, bool, Guid)> SendAsync()
        {
            using var response = await _api.Http.SendAsync(HttpMethod.Post, "/api/projects", _api.Town(village), JsonContent.Create(body), r => r.Headers.Add("Idempotency-Key", key));
            return (response.StatusCode, response.Headers.Contains("Idempotent-Replayed"), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var first = await SendAsync();
        var again = await SendAsync();

        Assert.Equal((HttpStatusCode.Created, false), (first.Item1, first.Item2));
        Assert.Equal((HttpStatusCode.Created, true, first.Item3), again);
        Assert.Equal(1, await platform.CountAsync("projectsdb", "SELECT count(*) FROM projects WHERE region_code = @v", ("v", village)));
        Assert.Equal(1, await _api.EventsAsync(first.Item3, "ProjectProposed"));
    }

    [Fact]
    public async Task A_households_projects_are_those_naming_it_among_their_beneficiaries_newest_first()
    {
        // 一户一档 lists the projects a household benefits from: those that name it, not its village's others.
        var village = ProjectsApi.NewVillage();
        var town = _api.Town(village);
        var (household, neighbour) = (Guid.NewGuid(), Guid.NewGuid());
        async Task<Guid> ProposeAsync(string title, params Guid[] households) => (await _api.Http.CreatedAsync("/api/projects", town, new
        {
            title, category = "Water", regionCode = village, proposer = "VillageCommittee", estimatedCostFen = 300_000, beneficiaryHouseholdIds = households,
        })).GetProperty("id").GetGuid();

        var pipes = await ProposeAsync("上坪组饮水管网改造", household, neighbour);
        await ProposeAsync("下坪组饮水管网改造", neighbour);
        var tank = await ProposeAsync("钟秀兰户屋顶水箱更换", household);

        var page = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects?region={village}&household={household}", town);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal([tank, pipes], page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var another = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects?region={village}&household={Guid.NewGuid()}", town);
        Assert.Equal(0, another.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Rejected_and_cancelled_projects_keep_their_reason_and_take_no_further_step()
    {
        var village = ProjectsApi.NewVillage();
        var town = _api.Town(village);
        var rejected = (await _api.ProposeAsync(village, 1_000_000)).GetProperty("id").GetGuid();
        var r = await _api.StepAsync(rejected, "reject", town, new { reason = "与已建项目重复" });
        Assert.Equal(("Rejected", "与已建项目重复"), (r.GetProperty("stage").GetString(), r.GetProperty("reason").GetString()));

        var cancelled = (await _api.ProposeAsync(village, 1_000_000)).GetProperty("id").GetGuid();
        await _api.StepAsync(cancelled, "approve", town);
        var c = await _api.StepAsync(cancelled, "cancel", town, new { reason = "选址变更，另行立项" });
        Assert.Equal("Cancelled", c.GetProperty("stage").GetString());

        using var start = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{cancelled}/start", town, new { });
        Assert.Contains("Cancelled", (await ProjectsApi.ProblemAsync(start, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        using var noReason = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{rejected}/cancel", town, new { });
        Assert.True((await ProjectsApi.ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Of_two_concurrent_steps_with_the_same_If_Match_one_wins_and_a_stale_version_is_refused()
    {
        var village = ProjectsApi.NewVillage();
        var town = _api.Town(village);
        var id = (await _api.ProposeAsync(village, 1_000_000)).GetProperty("id").GetGuid();
        await _api.StepAsync(id, "approve", town);
        using var read = await _api.SendAsync(HttpMethod.Get, $"/api/projects/{id}", town);
        var etag = read.Headers.ETag!.ToString();

        var responses = await Task.WhenAll(
            _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/start", town, new { }, etag),
            _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/cancel", town, new { reason = "同时撤销" }, etag));
        var statuses = responses.Select(x => x.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Contains(s, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        using var stale = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/publish", town, new { }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task An_approval_clicked_twice_at_once_is_taken_once_and_the_other_click_is_refused_not_failed()
    {
        var village = ProjectsApi.NewVillage();
        var town = _api.Town(village);
        var id = (await _api.ProposeAsync(village, 30_000_000)).GetProperty("id").GetGuid();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/approve", town, new { });
            return response.StatusCode;
        }));

        // The click that lost the race is told the project changed (409), or, once the town's approval
        // is in, that the next approval is the county's (403); never a server error.
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Contains(s, new[] { HttpStatusCode.Conflict, HttpStatusCode.Forbidden }));
        var project = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/{id}", town);
        Assert.Equal("County", project.GetProperty("nextApprovalLevel").GetString());
    }

    [Fact]
    public async Task The_approval_chain_follows_the_amount_town_then_county_then_city_and_a_wrong_approver_is_told_why()
    {
        var village = ProjectsApi.NewVillage();
        var town = _api.Town(village);

        // 300,000 yuan: the town, then the county.
        var county = (await _api.ProposeAsync(village, 30_000_000)).GetProperty("id").GetGuid();
        using (var countyFirst = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{county}/approve", _api.County(), new { }))
        {
            Assert.Contains("town (乡镇)", (await ProjectsApi.ProblemAsync(countyFirst, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        }

        var afterTown = await _api.StepAsync(county, "approve", town);
        Assert.Equal(("Proposed", "County"), (afterTown.GetProperty("stage").GetString(), afterTown.GetProperty("nextApprovalLevel").GetString()));
        using (var townAgain = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{county}/approve", _api.Town(village, Roles.Leader, "town-leader"), new { }))
        {
            Assert.Contains("6-digit", (await ProjectsApi.ProblemAsync(townAgain, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        }

        using (var countyClerk = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{county}/approve", _api.County(Roles.TownStaff, "county-clerk"), new { }))
        {
            Assert.Contains("role leader", (await ProjectsApi.ProblemAsync(countyClerk, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        }

        var approved = await _api.StepAsync(county, "approve", _api.County());
        Assert.Equal("Approved", approved.GetProperty("stage").GetString());
        Assert.Equal([("Town", "town-clerk", village[..9]), ("County", "county-leader", "360702")],
            approved.GetProperty("approvals").EnumerateArray().Select(a => (a.GetProperty("level").GetString(), a.GetProperty("approvedBy").GetString(), a.GetProperty("regionPrefix").GetString())));

        // 600,000 yuan: the town, the county, then the city.
        var city = (await _api.ProposeAsync(village, 60_000_000)).GetProperty("id").GetGuid();
        await _api.StepAsync(city, "approve", town);
        await _api.StepAsync(city, "approve", _api.County());
        using (var countyAgain = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{city}/approve", _api.County(Roles.Leader, "another-county-leader"), new { }))
        {
            Assert.Contains("city (市)", (await ProjectsApi.ProblemAsync(countyAgain, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        }

        var byCity = await _api.StepAsync(city, "approve", _api.City());
        Assert.Equal(("Approved", 3), (byCity.GetProperty("stage").GetString(), byCity.GetProperty("approvals").GetArrayLength()));
        Assert.Equal(["Town", "County", "City"], byCity.GetProperty("approvalChain").EnumerateArray().Select(s => s.GetProperty("level").GetString()));
        Assert.Equal(1, await _api.EventsAsync(city, "ProjectApproved"));

        // 50,000 yuan exactly is the town's alone.
        var small = (await _api.ProposeAsync(village, 5_000_000)).GetProperty("id").GetGuid();
        Assert.Equal("Approved", (await _api.StepAsync(small, "approve", town)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_city_edits_its_thresholds_validated_and_projects_proposed_afterwards_follow_them()
    {
        const string City = "3608";
        var operatorToken = platform.Token(City, Roles.Operator, "test-operator");
        var defaults = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/approval-policy/{City}", operatorToken);
        Assert.Equal(5_000_000, defaults.GetProperty("tiers")[0].GetProperty("upToFen").GetInt64());

        using (var falling = await _api.SendAsync(HttpMethod.Put, $"/api/projects/approval-policy/{City}", operatorToken, new
        {
            tiers = new object[] { new { level = "Town", upToFen = 2_000_000, roles = new[] { "town-staff" } }, new { level = "County", upToFen = 1_000_000, roles = new[] { "leader" } }, new { level = "City", roles = new[] { "mayor" } } },
        }))
        {
            var errors = (await ProjectsApi.ProblemAsync(falling, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("tiers[1].upToFen", out _));
            Assert.True(errors.TryGetProperty("tiers[2].roles", out _));
        }

        var policy = new { tiers = new object[] { new { level = "town", upToFen = 1_000_000, roles = new[] { "town-staff" } }, new { level = "County", roles = new[] { "leader" } } } };
        using (var notOperator = await _api.SendAsync(HttpMethod.Put, $"/api/projects/approval-policy/{City}", platform.Token(City, Roles.Leader), policy))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notOperator.StatusCode);
        }

        var stored = await _api.Http.OkAsync(HttpMethod.Put, $"/api/projects/approval-policy/{City}", operatorToken, policy);
        Assert.Equal("Town", stored.GetProperty("tiers")[0].GetProperty("level").GetString());
        var village = "360802103201";
        var project = await _api.ProposeAsync(village, 2_000_000, platform.Token(village[..9], Roles.TownStaff));
        Assert.Equal(["Town", "County"], project.GetProperty("approvalChain").EnumerateArray().Select(s => s.GetProperty("level").GetString()));
        Assert.Equal(["town-staff"], project.GetProperty("approvalChain")[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var village = ProjectsApi.NewVillage();
        async Task<JsonElement> Refused(HttpMethod method, string path, string body, HttpStatusCode expected = HttpStatusCode.BadRequest)
        {
            // The town of whichever village the test is at: first a new one, then the project's.
            using var response = await _api.Http.SendAsync(method, path, _api.Town(village), new StringContent(body, Encoding.UTF8, "application/json"));
            return await ProjectsApi.ProblemAsync(response, expected);
        }

        var negative = await Refused(HttpMethod.Post, "/api/projects",
            $$"""{"title":"饮水工程","category":"DrinkingWater","regionCode":"{{village}}","proposer":"Town","estimatedCostFen":-100,"beneficiaryCount":10}""");
        Assert.True(negative.GetProperty("errors").TryGetProperty("estimatedCostFen", out _));
        var fractional = await Refused(HttpMethod.Post, "/api/projects",
            $$"""{"title":"饮水工程","category":"DrinkingWater","regionCode":"{{village}}","proposer":"Town","estimatedCostFen":100.5,"beneficiaryCount":10}""");
        Assert.True(fractional.GetProperty("errors").TryGetProperty("$.estimatedCostFen", out _));
        var unknown = await Refused(HttpMethod.Post, "/api/projects",
            $$"""{"title":"饮水工程","category":"Bridge","regionCode":"{{village}}","proposer":"Town","estimatedCostFen":100,"beneficiaryCount":10}""");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("category", out _));
        await Refused(HttpMethod.Post, "/api/projects",
            """{"title":"饮水工程","category":"DrinkingWater","regionCode":"360703001201","proposer":"Town","estimatedCostFen":100,"beneficiaryCount":10}""", HttpStatusCode.Forbidden);
        Assert.Equal(0, await platform.CountAsync("projectsdb", "SELECT count(*) FROM projects WHERE region_code = @v OR region_code = '360703001201'", ("v", village)));

        (var id, village) = await _api.UnderWayAsync(1_000_000);
        var ledger = $"/api/projects/{id}/ledger";
        var source = await Refused(HttpMethod.Post, ledger, """{"kind":"Payment","source":"Lottery","amountFen":100,"payee":"某公司"}""");
        Assert.Contains("Lottery", source.GetProperty("errors").GetProperty("source")[0].GetString());
        var amount = await Refused(HttpMethod.Post, ledger, """{"kind":"Payment","source":"CityFund","amountFen":-1,"payee":"某公司"}""");
        Assert.True(amount.GetProperty("errors").TryGetProperty("amountFen", out _));
        var fen = await Refused(HttpMethod.Post, ledger, """{"kind":"Payment","source":"CityFund","amountFen":0.5,"payee":"某公司"}""");
        Assert.True(fen.GetProperty("errors").TryGetProperty("$.amountFen", out _));
        var payee = await Refused(HttpMethod.Post, ledger, """{"kind":"Payment","source":"CityFund","amountFen":100}""");
        Assert.True(payee.GetProperty("errors").TryGetProperty("payee", out _));
        var notPlanned = await Refused(HttpMethod.Post, ledger, """{"kind":"Budget","source":"Donation","amountFen":100}""", HttpStatusCode.Conflict);
        Assert.Contains("funding plan", notPlanned.GetProperty("detail").GetString());
        var plan = await Refused(HttpMethod.Put, $"/api/projects/{id}/funding", """{"sources":[{"source":"Lottery","amountFen":5}]}""");
        Assert.True(plan.GetProperty("errors").TryGetProperty("sources[0].source", out _));

        Assert.Equal(2, await platform.CountAsync("projectsdb", "SELECT count(*) FROM ledger_entries WHERE project_id = @id", ("id", id)));
    }

    [Fact]
    public async Task Budgets_stay_within_the_amount_the_project_was_approved_at_so_a_town_approval_cannot_fund_a_county_sized_project()
    {
        // Approved by the town alone at 1万元 (10,000 yuan, its estimate), with a plan that names far more money.
        var village = ProjectsApi.NewVillage();
        var town = _api.Town(village);
        var id = (await _api.ProposeAsync(village, 1_000_000)).GetProperty("id").GetGuid();
        await _api.FundingAsync(id, town, new { sources = new object[] { new { source = "CityFund", amountFen = 500_000_000 }, new { source = "TownFund", amountFen = 500_000_000 } } });
        await _api.StepAsync(id, "approve", town);
        var ledger = $"/api/projects/{id}/ledger";

        using (var tooMuch = await _api.SendAsync(HttpMethod.Post, ledger, town, new { kind = "Budget", source = "TownFund", amountFen = 500_000_000 }))
        {
            var problem = await ProjectsApi.ProblemAsync(tooMuch, HttpStatusCode.Conflict);
            Assert.Contains("approved", problem.GetProperty("rule").GetString());
            Assert.Equal(1_000_000, problem.GetProperty("remainingFen").GetInt64());
        }

        // Thirty budget entries of 500 yuan racing on two sources: twenty fit.
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            _api.SendAsync(HttpMethod.Post, ledger, town, new { kind = "Budget", source = i % 2 == 0 ? "CityFund" : "TownFund", amountFen = 50_000 })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal((20, 10), (statuses.Count(s => s == HttpStatusCode.Created), statuses.Count(s => s == HttpStatusCode.Conflict)));
        Assert.Equal(1_000_000, (await _api.LedgerAsync(id, town)).GetProperty("budgetFen").GetInt64());
    }

    [Fact]
    public async Task Fifty_payments_racing_on_one_project_never_pay_more_than_was_allocated()
    {
        var (id, village) = await _api.UnderWayAsync(1_000_000);
        var town = _api.Town(village);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", town, new { kind = "Payment", source = "CityFund", amountFen = 30_000, payee = $"施工队{i}" })));
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        var remaining = await Task.WhenAll(refused.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("remainingFen").GetInt64()));
        var others = await Task.WhenAll(responses.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            .Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.True(others.Length == 0, string.Join("\n", others));
        Assert.Equal((33, 17), (created, refused.Count));
        Assert.All(remaining, r => Assert.Equal(10_000, r));
        var totals = (await _api.LedgerAsync(id, town)).GetProperty("sources")[0];
        Assert.Equal((1_000_000, 990_000), (totals.GetProperty("allocatedFen").GetInt64(), totals.GetProperty("paidFen").GetInt64()));
        Assert.Equal(990_000, await platform.CountAsync("projectsdb",
            "SELECT coalesce(sum(amount_fen), 0)::bigint FROM ledger_entries WHERE project_id = @id AND kind = 'Payment'", ("id", id)));
        Assert.Equal(33, await _api.EventsAsync(id, "PaymentRecorded"));
    }

    [Fact]
    public async Task A_correction_is_a_reversal_and_a_new_entry_both_visible_and_a_reversal_is_never_reversed()
    {
        var (id, village) = await _api.UnderWayAsync(1_000_000);
        var town = _api.Town(village);
        var wrong = (await _api.EntryAsync(id, town, new { kind = "Payment", source = "CityFund", amountFen = 100_000, payee = "于都县路桥工程有限公司", note = "首期进度款" })).GetProperty("id").GetGuid();

        var reversal = (await _api.EntryAsync(id, town, new { kind = "Reversal", reversesEntryId = wrong, note = "金额录入错误，应为9万元" })).GetProperty("id").GetGuid();
        await _api.EntryAsync(id, town, new { kind = "Payment", source = "CityFund", amountFen = 90_000, payee = "于都县路桥工程有限公司", note = "首期进度款（更正）" });

        var ledger = await _api.LedgerAsync(id, town);
        var entries = ledger.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["Budget", "Allocation", "Payment", "Reversal", "Payment"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal([reversal], entries[2].GetProperty("reversedByEntryIds").EnumerateArray().Select(r => r.GetGuid()));
        Assert.Equal(100_000, entries[2].GetProperty("reversedFen").GetInt64());
        Assert.Equal((wrong, 100_000L, "CityFund"), (entries[3].GetProperty("reversesEntryId").GetGuid(), entries[3].GetProperty("amountFen").GetInt64(), entries[3].GetProperty("source").GetString()));
        Assert.Equal(90_000, ledger.GetProperty("paidFen").GetInt64());
        Assert.Equal(3, await _api.EventsAsync(id, "PaymentRecorded"));
        Assert.Equal(-100_000, await platform.CountAsync("projectsdb",
            "SELECT min((payload::jsonb ->> 'amountFen')::bigint) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE 'MassWork.Contracts.Projects.V1.PaymentRecorded,%'",
            ("id", id.ToString())));

        using (var twice = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", town, new { kind = "Reversal", reversesEntryId = reversal, note = "撤销冲销" }))
        {
            Assert.Contains("cannot itself be reversed", (await ProjectsApi.ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        }

        using (var again = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", town, new { kind = "Reversal", reversesEntryId = wrong, note = "再次冲销" }))
        {
            Assert.Equal(0, (await ProjectsApi.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("remainingFen").GetInt64());
        }

        // A payment is reversed whole, never in part: the payee's line on the notice board stays true.
        var right = (await _api.LedgerAsync(id, town)).GetProperty("entries").EnumerateArray().Last().GetProperty("id").GetGuid();
        using (var part = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", town, new { kind = "Reversal", reversesEntryId = right, amountFen = 10_000, note = "部分退款" }))
        {
            Assert.Contains("whole", (await ProjectsApi.ProblemAsync(part, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        }

        // The allocation cannot be reversed below what was paid from it.
        var allocation = entries[1].GetProperty("id").GetGuid();
        using var tooMuch = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", town, new { kind = "Reversal", reversesEntryId = allocation, note = "资金收回" });
        // What may still be withdrawn: 1,000,000 allocated less 90,000 paid.
        Assert.Equal(910_000, (await ProjectsApi.ProblemAsync(tooMuch, HttpStatusCode.Conflict)).GetProperty("remainingFen").GetInt64());
    }

    [Fact]
    public async Task A_pooled_fund_takes_units_deposits_and_never_allocates_more_than_it_holds()
    {
        var county = _api.County(Roles.Leader, "county-finance");
        var fund = await _api.Http.CreatedAsync("/api/projects/funds", county, new { name = "章贡区帮扶资金统筹池", regionCode = PlatformFixture.Region });
        var fundId = fund.GetProperty("id").GetGuid();
        await _api.Http.CreatedAsync($"/api/projects/funds/{fundId}/deposits", county, new { unitName = "市交通运输局", amountFen = 300_000 });
        await _api.Http.CreatedAsync($"/api/projects/funds/{fundId}/deposits", county, new { unitName = "市财政局", amountFen = 200_000 });
        using (var negative = await _api.SendAsync(HttpMethod.Post, $"/api/projects/funds/{fundId}/deposits", county, new { unitName = "市财政局", amountFen = -5 }))
        {
            Assert.True((await ProjectsApi.ProblemAsync(negative, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("amountFen", out _));
        }

        var (id, village) = await _api.UnderWayAsync(100_000, new { source = "PooledAid", amountFen = 800_000 });
        var town = _api.Town(village);
        await _api.EntryAsync(id, town, new { kind = "Budget", source = "PooledAid", amountFen = 800_000 });
        using (var byTown = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", town, new { kind = "Allocation", source = "PooledAid", amountFen = 100_000, fundId }))
        {
            Assert.Contains("统一调配", (await ProjectsApi.ProblemAsync(byTown, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        }

        using (var overdraw = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", county, new { kind = "Allocation", source = "PooledAid", amountFen = 600_000, fundId }))
        {
            var problem = await ProjectsApi.ProblemAsync(overdraw, HttpStatusCode.Conflict);
            Assert.Equal(500_000, problem.GetProperty("remainingFen").GetInt64());
            Assert.Contains("pooled fund", problem.GetProperty("detail").GetString());
        }

        var allocation = (await _api.EntryAsync(id, county, new { kind = "Allocation", source = "PooledAid", amountFen = 500_000, fundId })).GetProperty("id").GetGuid();
        var drained = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/funds/{fundId}", town);
        Assert.Equal((500_000, 500_000, 0), (drained.GetProperty("depositedFen").GetInt64(), drained.GetProperty("allocatedFen").GetInt64(), drained.GetProperty("availableFen").GetInt64()));
        Assert.Equal(["市交通运输局", "市财政局"], drained.GetProperty("deposits").EnumerateArray().Select(d => d.GetProperty("unitName").GetString()));

        await _api.EntryAsync(id, county, new { kind = "Reversal", reversesEntryId = allocation, note = "项目调整，资金退回统筹池" });
        var refilled = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/funds/{fundId}", county);
        Assert.Equal(500_000, refilled.GetProperty("availableFen").GetInt64());
        Assert.Equal([500_000L, -500_000L], refilled.GetProperty("allocations").EnumerateArray().Select(a => a.GetProperty("amountFen").GetInt64()));

        // Allocated again and 100,000 of it paid, then the project is cancelled: the fund takes back the
        // unspent 200,000 (退回, a reversal in part), the payment stands, and nothing new is recorded.
        var again = (await _api.EntryAsync(id, county, new { kind = "Allocation", source = "PooledAid", amountFen = 300_000, fundId })).GetProperty("id").GetGuid();
        await _api.EntryAsync(id, county, new { kind = "Allocation", source = "PooledAid", amountFen = 200_000, fundId });
        await _api.EntryAsync(id, town, new { kind = "Payment", source = "PooledAid", amountFen = 100_000, payee = "于都县路桥工程有限公司", note = "前期工程款" });
        await _api.StepAsync(id, "cancel", town, new { reason = "选址变更，项目取消" });
        using (var more = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", county, new { kind = "Allocation", source = "PooledAid", amountFen = 100_000, fundId }))
        {
            await ProjectsApi.ProblemAsync(more, HttpStatusCode.Conflict);
        }

        // Two returns of 200,000 racing on the 300,000 entry: the source could give back both, the entry only one.
        var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", county, new { kind = "Reversal", reversesEntryId = again, amountFen = 200_000, note = "项目取消，未支付部分退回统筹池" })));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], racing.Select(r => r.StatusCode).Order());
        foreach (var response in racing)
        {
            response.Dispose();
        }

        // Without an amount, the rest of the entry (100,000); the fund then holds all but the 200,000 still allocated, which covers the payment.
        using (var whole = await _api.SendAsync(HttpMethod.Post, $"/api/projects/{id}/ledger", county, new { kind = "Reversal", reversesEntryId = again, note = "项目取消，资金退回统筹池" }))
        {
            Assert.Equal(HttpStatusCode.Created, whole.StatusCode);
        }

        var returned = await _api.Http.OkAsync(HttpMethod.Get, $"/api/projects/funds/{fundId}", county);
        Assert.Equal((300_000, 200_000), (returned.GetProperty("availableFen").GetInt64(), returned.GetProperty("allocatedFen").GetInt64()));
        var ledger = await _api.LedgerAsync(id, town);
        var pooled = ledger.GetProperty("sources").EnumerateArray().Single(x => x.GetProperty("source").GetString() == "PooledAid");
        Assert.Equal((200_000, 100_000), (pooled.GetProperty("allocatedFen").GetInt64(), pooled.GetProperty("paidFen").GetInt64()));
        Assert.Equal(300_000, ledger.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == again).GetProperty("reversedFen").GetInt64());
    }
}
